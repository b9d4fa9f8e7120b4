package org.scriptorium.web.backoffice;

import java.io.IOException;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.scriptorium.identity.application.UserService;
import org.scriptorium.identity.domain.User;
import org.scriptorium.platform.config.Settings;
import org.scriptorium.web.common.CsrfTokens;
import org.scriptorium.web.common.RequestLanguage;

/**
 * Runs before every back-office request: refuses state changes that fail the {@link CsrfTokens} rules (403),
 * ends the session of a user who was deactivated meanwhile (they are sent to the login page), and sets the
 * page language to the signed-in user's preference.
 */
@WebFilter(urlPatterns = "/backoffice/*")
public class BackofficeGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient UserService users;

    @Inject
    private transient Settings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!CsrfTokens.allowed(request, settings.baseUrl())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (request.getUserPrincipal() != null) {
            Optional<User> user = users.findByEmail(request.getUserPrincipal().getName());
            if (user.isEmpty() || !user.get().isActive()) {
                request.logout();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + "/backoffice/login");
                return;
            }
            user.get().getUiLanguage().ifPresent(l -> request.setAttribute(RequestLanguage.ATTRIBUTE, l));
        }
        chain.doFilter(request, response);
    }
}
