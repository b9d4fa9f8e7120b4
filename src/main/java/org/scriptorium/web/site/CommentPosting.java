package org.scriptorium.web.site;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.scriptorium.comments.application.CheapChecks;
import org.scriptorium.comments.application.CommentService;
import org.scriptorium.comments.application.FormTokens;
import org.scriptorium.comments.application.PostInput;
import org.scriptorium.comments.application.PostResult;
import org.scriptorium.comments.domain.CommentStatus;
import org.scriptorium.content.application.ArticleLookup;
import org.scriptorium.content.application.ReadingService;
import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.i18n.application.UiTexts;
import org.scriptorium.platform.config.Settings;
import org.scriptorium.web.common.ClientAddress;
import org.scriptorium.web.common.PageDelivery;
import org.scriptorium.web.common.RequestLanguage;

/**
 * Receives the public comment form ({@code POST /comments/post}). The public pages are stateless and
 * cached, so the form carries no session: it is protected against cross-site posting by a signed,
 * time-limited token bound to the article translation ({@link FormTokens}) and by refusing a foreign
 * {@code Origin}. A stored comment answers 303 to the article with {@code ?commented} (post/redirect/get)
 * and adds the comment to the reader's signed cookie, so that only they see it awaiting moderation. A
 * refused post renders the article again, in its language, with the reader's input kept and a message
 * per field.
 */
@WebServlet(urlPatterns = "/comments/post")
public class CommentPosting extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String P = "comment:";
    private static final int COOKIE_MAX_AGE = 30 * 24 * 3600;

    @Inject
    private CommentService comments;

    @Inject
    private FormTokens tokens;

    @Inject
    private ReadingService reading;

    @Inject
    private LanguageService languages;

    @Inject
    private UiTexts texts;

    @Inject
    private Settings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        request.setCharacterEncoding("UTF-8");
        String lang = param(request, "lang");
        String slug = param(request, "slug");
        if (!languages.isEnabled(lang) || slug.isEmpty() || slug.length() > 200) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<Long> translation = reading.visibleTranslationId(lang, slug);
        if (translation.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        long translationId = translation.get();
        request.setAttribute(RequestLanguage.ATTRIBUTE, lang);
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : new String[] {"name", "email", "url", "body", "parent"}) {
            values.put(f, param(request, f));
        }
        request.setAttribute(CommentSection.VALUES, values);
        Optional<Instant> shown = tokens.verify(param(request, "token"), translationId);
        if (shown.isEmpty() || !sameOrigin(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            render(request, response, lang, slug, Map.of(), texts.msg(lang, "comments.error.expired"));
            return;
        }
        Long parent = values.get("parent").matches("[0-9]{1,18}") ? Long.valueOf(values.get("parent")) : null;
        String honeypot = request.getParameter(CheapChecks.HONEYPOT_FIELD);
        PostResult result = comments.post(new PostInput(translationId, parent, values.get("name"), values.get("email"),
                values.get("url"), values.get("body"), honeypot == null ? "" : honeypot, shown.get(),
                ClientAddress.of(request, settings.trustedProxies()), request.getHeader("User-Agent"),
                request.getHeader("Referer")));
        if (result instanceof PostResult.Accepted accepted) {
            if (accepted.commentId() > 0 && accepted.status() == CommentStatus.PENDING) {
                remember(request, response, accepted.commentId());
            }
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Location", request.getContextPath() + "/" + lang + "/" + slug + "?commented#"
                    + (accepted.commentId() > 0 && accepted.status() == CommentStatus.PENDING
                    ? "comment-" + accepted.commentId() : "comments"));
        } else if (result instanceof PostResult.Invalid invalid) {
            render(request, response, lang, slug, invalid.errors(), texts.msg(lang, "comments.error.summary"));
        } else if (result instanceof PostResult.Refused refused) {
            render(request, response, lang, slug, Map.of(), texts.msg(lang, refused.messageKey()));
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** Answers with the article page again, the reader's input kept, with a message per field. */
    private void render(HttpServletRequest request, HttpServletResponse response, String lang, String slug,
                        Map<String, String> errors, String message) throws ServletException, IOException {
        if (!(reading.article(lang, slug) instanceof ArticleLookup.Found found)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        request.setAttribute(SiteRouter.ARTICLE, found.article());
        request.setAttribute(CommentSection.ERRORS, errors);
        request.setAttribute(CommentSection.MESSAGE, message);
        response.setHeader("Cache-Control", "no-store");
        request.getRequestDispatcher("/site/article.xhtml").forward(request, response);
    }

    private void remember(HttpServletRequest request, HttpServletResponse response, long id) {
        Set<Long> ids = new LinkedHashSet<>(CommentSection.ownIds(request, tokens));
        ids.add(id);
        Cookie cookie = new Cookie(PageDelivery.PERSONAL_COOKIE, tokens.ownComments(ids));
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(COOKIE_MAX_AGE);
        cookie.setHttpOnly(true);
        cookie.setSecure(settings.baseUrl().startsWith("https:"));
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    /** No Origin header (old browsers, tools), or one naming this site. */
    private boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null || origin.isBlank()) {
            return true;
        }
        if ("null".equals(origin)) {
            return false;
        }
        try {
            URI o = URI.create(origin);
            URI base = URI.create(settings.baseUrl());
            String host = request.getHeader("Host");
            boolean matchesBase = o.getHost() != null && o.getHost().equalsIgnoreCase(base.getHost()) && port(o) == port(base);
            boolean matchesHost = host != null && (o.getHost() + (o.getPort() < 0 ? "" : ":" + o.getPort())).equalsIgnoreCase(host);
            return matchesBase || matchesHost;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
    }

    private static String param(HttpServletRequest request, String name) {
        String v = request.getParameter(P + name);
        if (v == null) {
            v = request.getParameter(name);
        }
        return v == null ? "" : v;
    }
}
