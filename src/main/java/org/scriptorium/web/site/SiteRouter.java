package org.scriptorium.web.site;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.scriptorium.content.application.ArticleLookup;
import org.scriptorium.content.application.Lookup;
import org.scriptorium.content.application.ReadingService;
import org.scriptorium.submissions.application.SubmissionIntake;
import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.platform.config.Settings;
import org.scriptorium.web.common.RequestLanguage;

/**
 * Maps the public URLs onto what renders them: {@code /} (negotiates), {@code /{lang}/} home,
 * {@code /{lang}/{slug}} article, {@code /{lang}/category/{path}}, {@code /{lang}/tag/{slug}},
 * {@code /{lang}/author/{slug}}, {@code /{lang}/search}, {@code /{lang}/privacy}, the newsletter's {@code /{lang}/newsletter[/confirm|/preferences]} (Faces views
 * composing the active theme), and the feeds
 * {@code /{lang}/feed[/atom]} and {@code /{lang}/category/{path}/feed[/atom]}. Old slugs answer 301, unknown
 * ones and page numbers that are not 1..last answer 404. A {@code ?switch} parameter on any language URL
 * records the reader's explicit choice of that language in a cookie (the language switcher's links carry
 * it) and redirects to the URL without it. Internal view and template files are never served directly.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class SiteRouter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,199}");
    private static final Pattern PAGE = Pattern.compile("[1-9][0-9]{0,4}");
    private static final Pattern STATIC_THEME_FILE = Pattern.compile("/themes/[a-z0-9-]+/(css|img|fonts|js)/[A-Za-z0-9._/-]+\\.(css|png|jpg|svg|webp|woff2|js)"
            + "|/themes/[a-z0-9-]+/preview\\.(png|svg)");
    /** Items in a feed. */
    static final int FEED_SIZE = 20;
    /** The query parameter of the language switcher's links. */
    public static final String SWITCH = "switch";
    /**
     * Value of {@link #SWITCH} on a switcher link that falls back to a language's home page because the
     * page has no counterpart there; the home page then says so.
     */
    public static final String FALLBACK = "fallback";
    private static final int COOKIE_MAX_AGE = 365 * 24 * 3600;

    /** Request attribute holding the {@link org.scriptorium.content.application.ArticleView} of an article URL. */
    public static final String ARTICLE = "scriptorium.article";
    /** Request attribute holding the category, tag or author listing of a listing URL. */
    public static final String LISTING = "scriptorium.listing";
    /** The view of the submission form, which its multipart form posts to. */
    public static final String SUBMIT_VIEW = "/site/submit.xhtml";
    /** Request attribute present on a home page. */
    public static final String HOME = "scriptorium.home";
    /** Request attribute present on the search page. */
    public static final String SEARCH = "scriptorium.search";
    /** Request attribute naming a fixed page ({@code privacy}) that exists in every language. */
    public static final String FIXED_PAGE = "scriptorium.page";
    /** The privacy page's address segment, {@code /{lang}/privacy}; no article can take this slug. */
    public static final String PRIVACY = "privacy";

    @Inject
    private LanguageService languages;

    @Inject
    private ReadingService reading;

    @Inject
    private Feeds feeds;

    @Inject
    private SubmissionIntake submissions;

    @Inject
    private Settings settings;

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
        if (SUBMIT_VIEW.equals(path) && "POST".equals(request.getMethod())) {
            submitPost(request, response, chain);
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
        if (request.getParameter(SWITCH) != null && "GET".equals(request.getMethod())) {
            rememberChoice(request, response, first);
            response.setHeader("Cache-Control", "no-store");
            boolean fallback = FALLBACK.equals(request.getParameter(SWITCH));
            response.sendRedirect(request.getContextPath() + path + (fallback ? "?" + FALLBACK : ""));
            return;
        }
        int page = page(request);
        if (page < 1) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        route(request, response, first, Arrays.asList(segments).subList(1, segments.length), page);
    }

    private void route(HttpServletRequest request, HttpServletResponse response, String lang, List<String> rest, int page)
            throws IOException, ServletException {
        for (String segment : rest.subList(0, rest.size() - 1)) {
            if (!SLUG.matcher(segment).matches()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        String last = rest.get(rest.size() - 1);
        if (rest.size() == 1 && last.isEmpty()) {
            if (page != 1) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            request.setAttribute(HOME, Boolean.TRUE);
            request.getRequestDispatcher("/site/home.xhtml").forward(request, response);
            return;
        }
        if (!SLUG.matcher(last).matches() || rest.size() > 12) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String kind = rest.get(0);
        if ("submit".equals(kind)) {
            routeSubmit(request, response, rest);
            return;
        }
        if ("newsletter".equals(kind) && rest.size() <= 2) {
            String view = rest.size() == 1 ? "/site/newsletter.xhtml"
                    : "confirm".equals(last) ? "/site/newsletter-confirm.xhtml"
                    : "preferences".equals(last) ? "/site/newsletter-preferences.xhtml" : null;
            if (view == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            } else {
                response.setHeader("Cache-Control", "no-store");
                response.setHeader("Referrer-Policy", "no-referrer");
                request.getRequestDispatcher(view).forward(request, response);
            }
        } else if ("feed".equals(kind) && (rest.size() == 1 || rest.size() == 2 && "atom".equals(last))) {
            feeds.site(lang, rest.size() == 2, response);
        } else if ("category".equals(kind) && rest.size() >= 2) {
            routeCategory(request, response, lang, rest.subList(1, rest.size()), page);
        } else if ("tag".equals(kind) && rest.size() == 2) {
            listing(request, response, reading.tag(lang, last, page, settings.pageSize()), "/site/tag.xhtml",
                    "/" + lang + "/tag/", page);
        } else if ("author".equals(kind) && rest.size() == 2) {
            listing(request, response, reading.author(lang, last, page, settings.pageSize()), "/site/author.xhtml",
                    "/" + lang + "/author/", page);
        } else if ("search".equals(kind) && rest.size() == 1) {
            request.setAttribute(SEARCH, Boolean.TRUE);
            request.getRequestDispatcher("/site/search.xhtml").forward(request, response);
        } else if (rest.size() == 1 && PRIVACY.equals(last)) {
            if (page != 1) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            request.setAttribute(FIXED_PAGE, PRIVACY);
            request.getRequestDispatcher("/site/privacy.xhtml").forward(request, response);
        } else if (rest.size() == 1) {
            routeArticle(request, response, lang, last);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void routeCategory(HttpServletRequest request, HttpServletResponse response, String lang, List<String> path,
                               int page) throws IOException, ServletException {
        int n = path.size();
        if (n >= 2 && "feed".equals(path.get(n - 1))) {
            feedOf(response, lang, path.subList(0, n - 1), false);
        } else if (n >= 3 && "feed".equals(path.get(n - 2)) && "atom".equals(path.get(n - 1))) {
            feedOf(response, lang, path.subList(0, n - 2), true);
        } else {
            listing(request, response, reading.category(lang, path, page, settings.pageSize()), "/site/category.xhtml",
                    "/" + lang + "/category/", page);
        }
    }

    private void feedOf(HttpServletResponse response, String lang, List<String> path, boolean atom) throws IOException {
        var lookup = reading.category(lang, path, 1, FEED_SIZE);
        if (lookup instanceof Lookup.Found<?> found) {
            feeds.category(lang, (org.scriptorium.content.application.CategoryListing) found.value(), atom, response);
        } else if (lookup instanceof Lookup.Moved<?> moved) {
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", settings.baseUrl() + "/" + lang + "/category/" + moved.current() + "/feed"
                    + (atom ? "/atom" : ""));
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void listing(HttpServletRequest request, HttpServletResponse response, Lookup<?> lookup, String view,
                         String prefix, int page) throws IOException, ServletException {
        if (lookup instanceof Lookup.Found<?> found) {
            request.setAttribute(LISTING, found.value());
            request.getRequestDispatcher(view).forward(request, response);
        } else if (lookup instanceof Lookup.Moved<?> moved) {
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", request.getContextPath() + prefix + moved.current() + (page > 1 ? "?page=" + page : ""));
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
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

    /**
     * {@code /{lang}/submit} shows the submission form, {@code /{lang}/submit/status/{token}} a submission's
     * private status; neither is ever cached.
     */
    private void routeSubmit(HttpServletRequest request, HttpServletResponse response, List<String> rest)
            throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (rest.size() == 1) {
            request.getRequestDispatcher(SUBMIT_VIEW).forward(request, response);
            return;
        }
        if (rest.size() == 3 && "status".equals(rest.get(1))) {
            var status = submissions.status(rest.get(2));
            if (status.isPresent()) {
                request.setAttribute(SubmissionStatusPage.ATTRIBUTE, status.get());
                request.getRequestDispatcher("/site/submission-status.xhtml").forward(request, response);
                return;
            }
        }
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    /**
     * The submission form posts (multipart) straight to its view, so that the Faces servlet, which accepts
     * multipart requests, parses the body; the language comes from the {@code lang} in the query string.
     * Nothing here reads a request parameter: that would parse the body too early.
     */
    private void submitPost(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        java.util.regex.Matcher lang = Pattern.compile("(?:^|&)lang=([a-z]{2,10})(?:&|$)").matcher(query);
        if (!lang.find() || !languages.isEnabled(lang.group(1))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        request.setAttribute(RequestLanguage.ATTRIBUTE, lang.group(1));
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        chain.doFilter(request, response);
    }

    /** The requested page number: 1 without the parameter, 0 when it is not a page number. */
    static int page(HttpServletRequest request) {
        String[] values = request.getParameterValues("page");
        if (values == null) {
            return 1;
        }
        if (values.length != 1 || !PAGE.matcher(values[0]).matches()) {
            return 0;
        }
        return Integer.parseInt(values[0]);
    }

    private void rememberChoice(HttpServletRequest request, HttpServletResponse response, String lang) {
        Cookie cookie = new Cookie(RequestLanguage.COOKIE, lang);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(COOKIE_MAX_AGE);
        cookie.setHttpOnly(true);
        cookie.setSecure(settings.baseUrl().startsWith("https:"));
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    private static boolean isPassThrough(String path) {
        return path.startsWith("/backoffice/") || "/backoffice".equals(path)
                || path.startsWith("/jakarta.faces.resource/")
                || path.startsWith("/media/")
                || "/favicon.ico".equals(path);
    }
}
