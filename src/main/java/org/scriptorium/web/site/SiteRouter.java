package org.scriptorium.web.site;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.scriptorium.content.application.ArticleLookup;
import org.scriptorium.content.application.ReadingService;
import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.web.common.RequestLanguage;

/**
 * Maps the public URLs ({@code /}, {@code /{lang}/}, {@code /{lang}/{slug}}) onto the Faces views that
 * render them, answers old slugs with 301 and unknown ones with 404, and hides the internal view and
 * template files from direct requests.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class SiteRouter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,199}");
    private static final Pattern STATIC_THEME_FILE = Pattern.compile("/themes/[a-z0-9-]+/(css|img|fonts|js)/[A-Za-z0-9._/-]+\\.(css|png|jpg|svg|webp|woff2|js)"
            + "|/themes/[a-z0-9-]+/preview\\.(png|svg)");

    /** Request attribute holding the {@link org.scriptorium.content.application.ArticleView} of an article URL. */
    public static final String ARTICLE = "scriptorium.article";

    @Inject
    private LanguageService languages;

    @Inject
    private ReadingService reading;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.isEmpty() || "/".equals(path)) {
            String lang = RequestLanguage.negotiate(request, languages);
            response.setHeader("Vary", "Accept-Language, Cookie");
            response.setHeader("Cache-Control", "private, no-cache");
            response.sendRedirect(request.getContextPath() + "/" + lang + "/");
            return;
        }
        if (isPassThrough(path)) {
            chain.doFilter(request, response);
            return;
        }
        if (path.startsWith("/themes/")) {
            if (STATIC_THEME_FILE.matcher(path).matches()) {
                chain.doFilter(request, response);
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
            return;
        }
        String[] segments = path.substring(1).split("/", -1);
        String first = segments[0];
        if (first.length() > 10 || !languages.isEnabled(first)) {
            if (path.startsWith("/site/") || path.endsWith(".xhtml") || path.startsWith("/WEB-INF") || path.startsWith("/META-INF")) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        request.setAttribute(RequestLanguage.ATTRIBUTE, first);
        if (segments.length == 1) {
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", request.getContextPath() + "/" + first + "/");
            return;
        }
        if (segments.length == 2 && segments[1].isEmpty()) {
            request.getRequestDispatcher("/site/home.xhtml").forward(request, response);
            return;
        }
        if (segments.length == 2 && SLUG.matcher(segments[1]).matches()) {
            routeArticle(request, response, first, segments[1]);
            return;
        }
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    private void routeArticle(HttpServletRequest request, HttpServletResponse response, String lang, String slug)
            throws IOException, ServletException {
        ArticleLookup lookup = reading.article(lang, slug);
        if (lookup instanceof ArticleLookup.Found found) {
            request.setAttribute(ARTICLE, found.article());
            request.getRequestDispatcher("/site/article.xhtml").forward(request, response);
        } else if (lookup instanceof ArticleLookup.Moved moved) {
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", request.getContextPath() + "/" + lang + "/" + moved.currentSlug());
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private static boolean isPassThrough(String path) {
        return path.startsWith("/backoffice/") || "/backoffice".equals(path)
                || path.startsWith("/jakarta.faces.resource/")
                || "/favicon.ico".equals(path);
    }
}
