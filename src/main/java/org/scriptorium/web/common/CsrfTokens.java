package org.scriptorium.web.common;

import java.net.URI;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Cross-site request forgery rules for the back office. Faces forms carry their own defence: the view state
 * is a random server-side id, and a post with an unknown one changes nothing ({@link ExpiredViewHandler}).
 * Everything else that changes state (any non-Faces POST, PUT, PATCH or DELETE under {@code /backoffice})
 * must send the session's token in the {@value #HEADER} header or the {@value #PARAMETER} parameter. On top
 * of that, a state-changing request whose {@code Origin} (or, without one, {@code Referer}) names another site
 * is refused whatever it carries.
 */
public final class CsrfTokens {

    /** Header carrying the token, for scripts. */
    public static final String HEADER = "X-CSRF-Token";
    /** Form parameter carrying the token, for plain HTML forms. */
    public static final String PARAMETER = "_csrf";
    private static final String SESSION_KEY = "scriptorium.csrf";
    private static final String FACES_STATE = "jakarta.faces.ViewState";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfTokens() {
    }

    /** The session's token, created on first use. */
    public static String of(HttpSession session) {
        Object token = session.getAttribute(SESSION_KEY);
        if (token instanceof String s) {
            return s;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String created = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(SESSION_KEY, created);
        return created;
    }

    public static boolean changesState(HttpServletRequest request) {
        return !SAFE.contains(request.getMethod().toUpperCase(Locale.ROOT));
    }

    /**
     * Whether a state-changing request may go on.
     *
     * @param baseUrl the site's configured public address, an accepted origin besides the request's own host
     */
    public static boolean allowed(HttpServletRequest request, String baseUrl) {
        if (!changesState(request)) {
            return true;
        }
        if (!sameOrigin(request, baseUrl)) {
            return false;
        }
        if (isMultipart(request)) {
            // The body is not parsed here (that is the page's business): a same-origin check suffices only with
            // an Origin or Referer present, which every current browser sends on a POST.
            return request.getHeader("Origin") != null || request.getHeader("Referer") != null;
        }
        if (request.getParameter(FACES_STATE) != null) {
            return true;
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            return false;
        }
        String expected = of(session);
        String sent = request.getHeader(HEADER);
        if (sent == null) {
            sent = request.getParameter(PARAMETER);
        }
        return sent != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** True without Origin and Referer (non-browser clients), or when they name this site. */
    static boolean sameOrigin(HttpServletRequest request, String baseUrl) {
        String origin = request.getHeader("Origin");
        if (origin == null || "null".equals(origin)) {
            String referer = request.getHeader("Referer");
            if (referer == null) {
                return origin == null;
            }
            origin = referer;
        }
        String host = hostAndPort(origin);
        if (host == null) {
            return false;
        }
        String own = request.getHeader("Host");
        return host.equalsIgnoreCase(own) || host.equalsIgnoreCase(hostAndPort(baseUrl));
    }

    private static String hostAndPort(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getHost() == null) {
                return null;
            }
            return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
