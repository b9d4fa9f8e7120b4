package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;

/**
 * A crawler's walk: every URL of every language sitemap (homes, articles, categories, tags, authors) and every
 * later page of a list reached from them through {@code rel="next"} answers 200 with its language in
 * {@code <html lang>}, a canonical link to itself, hreflang alternates that include itself and x-default and
 * that every alternate returns, and no internal link on any of these pages is broken.
 */
class SitemapCrawlIT {

    private static final Pattern LOC = Pattern.compile("<loc>([^<]+)</loc>");
    private static final Pattern HTML_LANG = Pattern.compile("<html[^>]*\\blang=\"([^\"]+)\"");
    private static final Pattern CANONICAL = Pattern.compile("<link rel=\"canonical\" href=\"([^\"]+)\"");
    private static final Pattern ALTERNATE = Pattern.compile("<link rel=\"alternate\" hreflang=\"([^\"]+)\" href=\"([^\"]+)\"");
    private static final Pattern HREF = Pattern.compile("<a [^>]*href=\"(/[^\"#]*)\"");
    private static final Pattern NEXT = Pattern.compile("<link rel=\"next\" href=\"([^\"]+)\"");

    private static PayaraProcess site;

    @BeforeAll
    static void start() {
        site = RunningSite.get();
    }

    @Test
    void everySitemapUrlIsAProperPageAndNoInternalLinkIsBroken() throws Exception {
        Browserless b = new Browserless(site.baseUrl());
        List<String> pages = new ArrayList<>();
        Matcher sitemaps = LOC.matcher(b.get("/sitemap.xml").body());
        while (sitemaps.find()) {
            Matcher urls = LOC.matcher(b.get(local(sitemaps.group(1))).body());
            while (urls.find()) {
                pages.add(local(urls.group(1)));
            }
        }
        assertThat(pages).hasSizeGreaterThan(100)
                .anySatisfy(p -> assertThat(p).matches("/it/category/[a-z0-9-]+/[a-z0-9-]+/[a-z0-9-]+"))
                .contains("/it/author/ana-sousa", "/es/author/ana-sousa", "/pt/author/ana-sousa")
                .doesNotContain("/en/author/ana-sousa");
        int inSitemaps = pages.size();
        Set<String> seen = new HashSet<>(pages);

        Map<String, Map<String, String>> alternatesByPage = new HashMap<>();
        Set<String> links = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            String page = pages.get(i);
            HttpResponse<String> r = b.get(page);
            if (r.statusCode() != 200) {
                problems.add(r.statusCode() + " " + page);
                continue;
            }
            String html = r.body();
            String lang = first(HTML_LANG, html);
            if (!page.startsWith("/" + lang + "/")) {
                problems.add("lang " + lang + " on " + page);
            }
            if (!local(first(CANONICAL, html)).equals(page)) {
                problems.add("canonical " + first(CANONICAL, html) + " on " + page);
            }
            Map<String, String> alternates = new HashMap<>();
            Matcher alt = ALTERNATE.matcher(html);
            while (alt.find()) {
                alternates.put(alt.group(1), local(alt.group(2)));
            }
            if (!page.equals(alternates.get(lang)) || !alternates.containsKey("x-default")) {
                problems.add("alternates " + alternates + " on " + page);
            }
            alternatesByPage.put(page, alternates);
            Matcher next = NEXT.matcher(html);
            if (next.find() && seen.add(local(next.group(1)))) {
                pages.add(local(next.group(1)));
            }
            Matcher href = HREF.matcher(html);
            while (href.find()) {
                links.add(href.group(1).replace("&amp;", "&"));
            }
        }
        alternatesByPage.forEach((page, alternates) -> alternates.forEach((hreflang, target) -> {
            Map<String, String> back = alternatesByPage.get(target);
            if (!"x-default".equals(hreflang) && (back == null || !back.containsValue(page))) {
                problems.add("not reciprocal: " + page + " -> " + target);
            }
        }));
        for (String link : links) {
            int status = b.get(link).statusCode();
            if (status >= 400) {
                problems.add(status + " link " + link);
            }
        }
        assertThat(links).hasSizeGreaterThan(50);
        assertThat(pages.subList(inSitemaps, pages.size())).as("later pages of lists")
                .anySatisfy(p -> assertThat(p).matches("/[a-z]{2}/category/.*\\?page=2"))
                .anySatisfy(p -> assertThat(p).matches("/[a-z]{2}/tag/.*\\?page=2"));
        assertThat(alternatesByPage).as("a later page has the same page in other languages as alternates")
                .anySatisfy((page, alternates) -> assertThat(page).contains("?page=2"))
                .allSatisfy((page, alternates) -> {
                    if (page.contains("?page=")) {
                        assertThat(alternates.values()).allMatch(a -> a.endsWith(page.substring(page.indexOf('?'))));
                    }
                });
        assertThat(problems).isEmpty();
    }

    private static String first(Pattern p, String html) {
        Matcher m = p.matcher(html);
        return m.find() ? m.group(1) : "";
    }

    private static String local(String url) {
        return url.startsWith(site.baseUrl()) ? url.substring(site.baseUrl().length()) : url;
    }
}
