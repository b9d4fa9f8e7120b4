package org.scriptorium.web.common;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.scriptorium.cache.application.PageCache;
import org.scriptorium.cache.domain.CachedPage;
import org.scriptorium.cache.domain.PageKey;
import org.scriptorium.themes.application.ThemeRegistry;

/**
 * The first filter of every request (declared first in {@code web.xml}): answers anonymous GET and HEAD
 * requests for public pages from the {@link PageCache}, stores what it renders for them, and gives every
 * text response the treatment HTTP allows: a strong ETag and Last-Modified on public pages with 304
 * answers to conditional requests, and gzip when the client accepts it and the body is big enough.
 *
 * <p>A page is served from and stored in the cache only when nothing about the reader can change it: no
 * logged-in user, no live session, a path outside {@code /backoffice}, the server's own endpoints
 * ({@code /health}, {@code /metrics}, {@code /openapi}) and the Faces resources; and it is stored only
 * when it answered 200 with a page type and set no cookie. Most hits never reach this filter:
 * {@link CacheFront} answers them earlier with the same methods. The header {@code X-Scriptorium-Cache} says
 * HIT (from the cache), MISS (rendered and stored) or BYPASS (rendered, not stored). A client on the loopback interface that is not behind a proxy may send
 * {@code X-Scriptorium-Cache: bypass} to have the page rendered afresh (for benchmarks); the key
 * {@code scriptorium.cache.bypass.loopback=false} turns that off.
 */
public class PageDelivery extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Response header telling whether the page came from the cache; request header asking to bypass it. */
    public static final String CACHE_HEADER = "X-Scriptorium-Cache";
    /**
     * A cookie that makes the public pages personal (it lists the reader's own comments awaiting
     * moderation, which only they see): requests carrying it are neither answered from nor stored in the cache.
     */
    public static final String PERSONAL_COOKIE = "scriptorium_comments";
    private static final int BUFFER_LIMIT = 4 * 1024 * 1024;
    private static final String PUBLIC_CACHE_CONTROL = "public, no-cache";
    private static final Set<String> PAGE_TYPES = Set.of("text/html", "application/xhtml+xml", "application/xml",
            "text/xml", "text/plain", "application/rss+xml", "application/atom+xml", "application/json");
    private static final Set<String> NOT_REPLAYED = Set.of("content-type", "content-length", "set-cookie", "etag",
            "last-modified", "date", "content-encoding", "transfer-encoding", "x-scriptorium-cache");

    @Inject
    private PageCache cache;

    @Inject
    private ThemeRegistry themes;

    @Inject
    private Clock clock;

    @Inject
    private PageCacheMetrics metrics;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method)) {
            chain.doFilter(request, response);
            return;
        }
        String path = pathOf(request);
        boolean publicPage = isPublic(path);
        boolean cacheable = publicPage && mayUseCache(cache, request);
        PageKey key = null;
        long generation = 0;
        if (cacheable) {
            key = keyOf(request, path, themes.active().id());
            if (answerFromCache(cache, key, request, response, head)) {
                metrics.filterHit();
                return;
            }
            generation = cache.generation();
        }
        if (publicPage) {
            response.setHeader(CACHE_HEADER, "BYPASS");
        }
        BufferedResponse buffered = new BufferedResponse(response, BUFFER_LIMIT);
        chain.doFilter(request, buffered);
        buffered.finish();
        if (!buffered.isBuffered()) {
            return;
        }
        byte[] body = buffered.body();
        if (publicPage && response.getStatus() == HttpServletResponse.SC_OK && isPage(response.getContentType())
                && !cacheControlForbidsSharing(response)) {
            boolean store = cacheable && !head && !setsCookie(request, response);
            CachedPage page = toPage(response, body, store || Gzip.accepted(request.getHeader("Accept-Encoding")));
            if (store && cache.put(key, page, generation)) {
                metrics.stored();
                response.setHeader(CACHE_HEADER, "MISS");
            }
            if (!isAnonymous(request) || request.getSession(false) != null) {
                response.setHeader("Cache-Control", "private, no-cache");
            }
            send(request, response, page, head);
            return;
        }
        sendUncached(request, response, body, head);
    }

    /** The request's path inside the site. */
    static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Whether the cache is on and nothing about the request (a user, a session, a bypass) keeps it out. */
    static boolean mayUseCache(PageCache cache, HttpServletRequest request) {
        return cache.isEnabled() && isAnonymous(request) && !bypassRequested(cache, request);
    }

    static PageKey keyOf(HttpServletRequest request, String path, String themeId) {
        return new PageKey(request.getRequestURI(), request.getQueryString(), languageOf(path), themeId);
    }

    /** Answers from the cache when it holds the page under the key (HIT); false, having written nothing, when not. */
    static boolean answerFromCache(PageCache cache, PageKey key, HttpServletRequest request,
                                   HttpServletResponse response, boolean head) throws IOException {
        Optional<CachedPage> hit = cache.find(key);
        if (hit.isEmpty()) {
            return false;
        }
        response.setHeader(CACHE_HEADER, "HIT");
        send(request, response, hit.get(), head);
        return true;
    }

    /** Answers with a page: validators, 304 when the client has it, otherwise the body, gzipped if accepted. */
    private static void send(HttpServletRequest request, HttpServletResponse response, CachedPage page, boolean head)
            throws IOException {
        response.setContentType(page.contentType());
        page.headers().forEach(response::setHeader);
        if (response.getHeader("Cache-Control") == null) {
            response.setHeader("Cache-Control", PUBLIC_CACHE_CONTROL);
        }
        boolean gzip = page.gzipBody() != null && Gzip.accepted(request.getHeader("Accept-Encoding"));
        if (page.gzipBody() != null) {
            addVary(response, "Accept-Encoding");
        }
        response.setHeader("ETag", gzip ? Validators.gzipped(page.etag()) : page.etag());
        response.setDateHeader("Last-Modified", page.lastModified().toEpochMilli());
        if (Validators.notModified(request, page.etag(), page.lastModified())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] out = gzip ? page.gzipBody() : page.body();
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(out.length);
        if (!head) {
            response.getOutputStream().write(out);
        }
    }

    /** Answers with a body that carries no validators: compressed when worth it, as it is otherwise. */
    private static void sendUncached(HttpServletRequest request, HttpServletResponse response, byte[] body,
                                     boolean head) throws IOException {
        byte[] out = body;
        if (Gzip.compressible(response.getContentType()) && body.length >= Gzip.MIN_BYTES
                && response.getHeader("Content-Encoding") == null) {
            addVary(response, "Accept-Encoding");
            if (Gzip.accepted(request.getHeader("Accept-Encoding"))) {
                out = Gzip.compress(body);
                response.setHeader("Content-Encoding", "gzip");
            }
        }
        if (response.getStatus() != HttpServletResponse.SC_NOT_MODIFIED) {
            response.setContentLength(out.length);
        }
        if (!head && out.length > 0) {
            response.getOutputStream().write(out);
        }
    }

    private CachedPage toPage(HttpServletResponse response, byte[] body, boolean withGzip) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_REPLAYED.contains(lower)) {
                Collection<String> values = response.getHeaders(name);
                headers.put(name, String.join(", ", values));
            }
        }
        byte[] gzip = body.length >= Gzip.MIN_BYTES && Gzip.compressible(response.getContentType()) && withGzip
                ? Gzip.compress(body) : null;
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return new CachedPage(response.getContentType(), headers, body, gzip, Validators.etag(body), now,
                cache.expiryFor(now));
    }

    static boolean isPublic(String path) {
        return !(path.startsWith("/backoffice") || path.startsWith("/jakarta.faces.resource/")
                || path.startsWith("/health") || path.startsWith("/metrics") || path.startsWith("/openapi")
                || path.startsWith("/themes/"));
    }

    private static boolean isAnonymous(HttpServletRequest request) {
        return request.getUserPrincipal() == null && !request.isRequestedSessionIdValid() && !hasPersonalCookie(request);
    }

    private static boolean hasPersonalCookie(HttpServletRequest request) {
        jakarta.servlet.http.Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (jakarta.servlet.http.Cookie c : cookies) {
                if (PERSONAL_COOKIE.equals(c.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isPage(String contentType) {
        return contentType != null && PAGE_TYPES.contains(Gzip.mime(contentType));
    }

    private static boolean setsCookie(HttpServletRequest request, HttpServletResponse response) {
        return !response.getHeaders("Set-Cookie").isEmpty() || request.getSession(false) != null;
    }

    private static boolean cacheControlForbidsSharing(HttpServletResponse response) {
        String cacheControl = response.getHeader("Cache-Control");
        return cacheControl != null && (cacheControl.contains("private") || cacheControl.contains("no-store"));
    }

    private static boolean bypassRequested(PageCache cache, HttpServletRequest request) {
        return "bypass".equalsIgnoreCase(request.getHeader(CACHE_HEADER)) && cache.settings().loopbackBypass()
                && isLoopback(request.getRemoteAddr()) && request.getHeader("X-Forwarded-For") == null
                && request.getHeader("Forwarded") == null;
    }

    private static boolean isLoopback(String address) {
        return address != null && (address.startsWith("127.") || "::1".equals(address)
                || "0:0:0:0:0:0:0:1".equals(address));
    }

    /** The first path segment when it looks like a language code, else empty. */
    static String languageOf(String path) {
        int end = path.indexOf('/', 1);
        String first = end < 0 ? "" : path.substring(1, end);
        if (first.length() < 2 || first.length() > 10) {
            return "";
        }
        for (int i = 0; i < first.length(); i++) {
            char c = first.charAt(i);
            if (!(c >= 'a' && c <= 'z') && c != '-') {
                return "";
            }
        }
        return first;
    }

    private static void addVary(HttpServletResponse response, String header) {
        String vary = response.getHeader("Vary");
        if (vary == null || vary.isBlank()) {
            response.setHeader("Vary", header);
        } else if (!vary.toLowerCase(Locale.ROOT).contains(header.toLowerCase(Locale.ROOT))) {
            response.setHeader("Vary", vary + ", " + header);
        }
    }
}
