package org.scriptorium.web.site;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.scriptorium.i18n.application.UiTexts;
import org.scriptorium.newsletter.application.NewsletterLinks;
import org.scriptorium.newsletter.application.SubscriberView;
import org.scriptorium.newsletter.application.SubscriptionService;

/**
 * The RFC 8058 one-click unsubscribe endpoint named in every edition's {@code List-Unsubscribe} header: a
 * POST (body {@code List-Unsubscribe=One-Click}) with the signed token in the URL unsubscribes at once, with no
 * login, no cookie and no page in between, as mail clients send it. A GET (a person opening the link) goes to
 * the preference page. A plain servlet, outside Faces: no session, no view state.
 */
@WebServlet(NewsletterLinks.ONE_CLICK_PATH)
public class OneClickUnsubscribe extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient SubscriptionService subscriptions;

    @Inject
    private transient UiTexts texts;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        Optional<String> language = subscriptions.unsubscribe(request.getParameter("token"));
        response.setContentType("text/plain;charset=UTF-8");
        if (language.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.getWriter().write(texts.msg("en", "newsletter.prefs.invalid"));
            return;
        }
        response.getWriter().write(texts.msg(language.get(), "newsletter.prefs.left"));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String token = request.getParameter("token");
        Optional<SubscriberView> s = subscriptions.preferences(token);
        if (s.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.sendRedirect(request.getContextPath() + "/" + s.get().language() + "/newsletter/preferences?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }
}
