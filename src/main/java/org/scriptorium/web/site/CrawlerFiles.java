package org.scriptorium.web.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.scriptorium.seo.application.SitemapService;

/**
 * Answers {@code /robots.txt}, {@code /sitemap.xml} and {@code /sitemap-{lang}.xml}; every other request
 * goes on. Declared in {@code web.xml} after the page cache, which keeps these documents like pages.
 */
public class CrawlerFiles extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Pattern LANGUAGE_SITEMAP = Pattern.compile("/sitemap-([a-z]{2,3}(?:-[a-z0-9]{2,8})?)\\.xml");

    @Inject
    private SitemapService sitemaps;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/robots.txt") && !path.startsWith("/sitemap")) {
            chain.doFilter(request, response);
            return;
        }
        if ("/robots.txt".equals(path)) {
            write(response, "text/plain;charset=UTF-8", sitemaps.robots());
            return;
        }
        if ("/sitemap.xml".equals(path)) {
            write(response, "application/xml;charset=UTF-8", sitemaps.index());
            return;
        }
        Matcher m = LANGUAGE_SITEMAP.matcher(path);
        Optional<String> sitemap = m.matches() ? sitemaps.sitemap(m.group(1)) : Optional.empty();
        if (sitemap.isPresent()) {
            write(response, "application/xml;charset=UTF-8", sitemap.get());
        } else {
            chain.doFilter(request, response);
        }
    }

    private static void write(HttpServletResponse response, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
