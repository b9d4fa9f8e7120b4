package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;

/**
 * Every public page type in several languages, against the WAR on Payara Micro with the demo content
 * (listing pages hold 2 articles there, see {@link RunningSite}).
 */
class PublicPagesIT {

    private static final String SEED_IT = "/it/il-primo-euro-come-le-startup-del-sud-europa-trovano-i-capitali-per-partire";
    private static PayaraProcess site;

    @BeforeAll
    static void start() {
        site = RunningSite.get();
    }

    private Browserless browser() {
        return new Browserless(site.baseUrl());
    }

    private HttpResponse<String> ok(String path) throws Exception {
        HttpResponse<String> r = browser().get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r;
    }

    @Test
    void everyPageTypeHasItsLanguageACanonicalAndReciprocalAlternatesInTwoLanguages() throws Exception {
        String seedEn = alternates(ok(SEED_IT).body()).get("en").substring(site.baseUrl().length());
        List<String> pages = List.of("/it/", "/en/", SEED_IT, seedEn, "/it/category/impresa/startup/finanziamenti",
                "/en/category/business/startups/financing", "/it/tag/finanziamenti", "/en/tag/funding",
                "/it/author/giulia-ferraro", "/en/author/giulia-ferraro");
        for (String path : pages) {
            String html = ok(path).body();
            String lang = path.substring(1, 3);
            assertThat(html).as(path).contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" + lang + "\">");
            assertThat(canonical(html)).as(path).isEqualTo(site.baseUrl() + path);
            Map<String, String> alternates = alternates(html);
            assertThat(alternates).as(path).containsKey("x-default").containsEntry(lang, site.baseUrl() + path);
            for (Map.Entry<String, String> alt : alternates.entrySet()) {
                if (alt.getKey().equals("x-default")) {
                    continue;
                }
                String other = ok(alt.getValue().substring(site.baseUrl().length())).body();
                assertThat(alternates(other)).as("alternates of " + alt.getValue() + " from " + path).isEqualTo(alternates);
                assertThat(other).contains("lang=\"" + alt.getKey() + "\"");
            }
        }
    }

    @Test
    void anArticleShowsBreadcrumbsThatResolveAuthorDateReadingTimeImageTagsShareLinksAndSidebars() throws Exception {
        String html = ok(SEED_IT).body();
        List<String> crumbs = hrefs(section(html, "<nav class=\"breadcrumbs\"", "</nav>"));
        assertThat(crumbs).containsExactly("/it/", "/it/category/impresa", "/it/category/impresa/startup",
                "/it/category/impresa/startup/finanziamenti");
        for (String crumb : crumbs) {
            ok(crumb);
        }
        assertThat(html).contains("href=\"/it/author/giulia-ferraro\"").contains("9 giugno 2026").contains("Lettura: ")
                .contains("<img src=\"/media/seed-financing.svg\" alt=\"Una piantina")
                .contains("href=\"/it/tag/finanziamenti\"")
                .contains("class=\"related\"").contains("class=\"more\"");
        String share = section(html, "<nav class=\"share\"", "</nav>");
        String url = java.net.URLEncoder.encode(site.baseUrl() + SEED_IT, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(share).contains("mailto:?subject=Il%20primo%20euro").contains("https://x.com/intent/tweet?")
                .contains("https://www.linkedin.com/sharing/share-offsite/?url=" + url)
                .contains("https://www.facebook.com/sharer/sharer.php?u=" + url).contains("https://wa.me/?text=")
                .doesNotContain("<script");
        assertThat(related(html)).doesNotContain(SEED_IT).allMatch(h -> h.startsWith("/it/"));
        for (String tag : hrefs(section(html, "<p class=\"article__tags\"", "</p>"))) {
            ok(tag);
        }
        assertThat(html).contains("<meta property=\"og:type\" content=\"article\" />")
                .contains("<meta property=\"og:image\" content=\"" + site.baseUrl() + "/media/seed-financing.svg\" />")
                .contains("<meta name=\"twitter:card\" content=\"summary_large_image\" />");
    }

    @Test
    void theJsonLdOfAnArticleIsAParsableNewsArticle() throws Exception {
        String html = ok(SEED_IT).body();
        Matcher m = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).isTrue();
        JsonNode ld = new ObjectMapper().readTree(m.group(1));
        assertThat(ld.get("@type").asText()).isEqualTo("NewsArticle");
        assertThat(ld.get("inLanguage").asText()).isEqualTo("it");
        assertThat(ld.get("headline").asText()).startsWith("Il primo euro");
        assertThat(ld.get("datePublished").asText()).startsWith("2026-06-09T07:30");
        assertThat(ld.get("dateModified").asText()).isNotBlank();
        assertThat(ld.get("author").get("name").asText()).isEqualTo("Giulia Ferraro");
        assertThat(ld.get("image").get(0).asText()).isEqualTo(site.baseUrl() + "/media/seed-financing.svg");
        assertThat(ld.get("publisher").get("name").asText()).isEqualTo("Scriptorium");
    }

    @Test
    void categoriesPageThroughTheirArticlesAndThoseOfTheirSubcategories() throws Exception {
        String first = ok("/it/category/tecnologia").body();
        assertThat(hrefs(section(first, "<nav class=\"subcategories\"", "</nav>")))
                .contains("/it/category/tecnologia/software", "/it/category/tecnologia/cloud");
        assertThat(first).contains("<link rel=\"next\" href=\"" + site.baseUrl() + "/it/category/tecnologia?page=2\" />")
                .doesNotContain("rel=\"prev\"")
                .contains("<a rel=\"next\" href=\"/it/category/tecnologia?page=2\">");
        String second = ok("/it/category/tecnologia?page=2").body();
        assertThat(canonical(second)).isEqualTo(site.baseUrl() + "/it/category/tecnologia?page=2");
        assertThat(second).contains("<link rel=\"prev\" href=\"" + site.baseUrl() + "/it/category/tecnologia\" />")
                .doesNotContain("rel=\"next\"");
        Map<String, String> secondAlternates = alternates(second);
        assertThat(secondAlternates).as("a later page's alternates are the same page in other languages")
                .containsEntry("it", site.baseUrl() + "/it/category/tecnologia?page=2")
                .containsEntry("x-default", site.baseUrl() + "/it/category/tecnologia?page=2")
                .allSatisfy((lang, href) -> assertThat(href).endsWith("?page=2"));
        for (Map.Entry<String, String> alt : secondAlternates.entrySet()) {
            String other = ok(alt.getValue().substring(site.baseUrl().length())).body();
            assertThat(canonical(other)).isEqualTo(alt.getValue());
            assertThat(alternates(other)).as("alternates of " + alt.getValue()).isEqualTo(secondAlternates);
        }
        List<String> onFirst = cards(first);
        List<String> onSecond = cards(second);
        assertThat(onFirst).hasSize(2);
        assertThat(onSecond).hasSize(1).doesNotContainAnyElementsOf(onFirst);
        assertThat(browser().get("/it/category/tecnologia?page=3").statusCode()).isEqualTo(404);
        assertThat(ok("/it/category/tecnologia/software").body()).contains("Software");
    }

    @Test
    void tagAndAuthorPagesListTheirArticlesInThePageLanguageAndPage() throws Exception {
        String tag = ok("/en/tag/funding").body();
        assertThat(cards(tag)).hasSize(2).allMatch(h -> h.startsWith("/en/"));
        assertThat(tag).contains("Topic: funding");
        String europe = ok("/it/tag/europa").body();
        assertThat(europe).contains("rel=\"next\"");
        assertThat(cards(ok("/it/tag/europa?page=2").body())).hasSize(1);
        String author = ok("/fr/author/daniel-brooks").body();
        assertThat(author).contains("<h1 class=\"listing__title\">Daniel Brooks</h1>");
        assertThat(cards(author)).isNotEmpty().allMatch(h -> h.startsWith("/fr/"));
        assertThat(browser().get("/en/author/ana-sousa").statusCode()).isEqualTo(404);
        assertThat(browser().get("/en/author/nobody").statusCode()).isEqualTo(404);
    }

    @Test
    void oldSlugsOfArticlesCategoriesAndTagsAnswerWithAPermanentRedirect() throws Exception {
        assertMoved("/it/startup-sud-europa-primi-capitali", SEED_IT);
        assertMoved("/it/category/impresa/nuove-imprese/finanziamenti", "/it/category/impresa/startup/finanziamenti");
        assertMoved("/it/category/impresa/nuove-imprese?page=1", "/it/category/impresa/startup");
        assertMoved("/en/category/companies", "/en/category/business");
        assertMoved("/en/tag/fundraising", "/en/tag/funding");
        assertMoved("/it/category/impresa/nuove-imprese/feed", site.baseUrl() + "/it/category/impresa/startup/feed");
    }

    private void assertMoved(String from, String to) throws Exception {
        HttpResponse<String> r = browser().get(from);
        assertThat(r.statusCode()).as(from).isEqualTo(301);
        assertThat(r.headers().firstValue("Location")).as(from).hasValueSatisfying(l -> assertThat(l).endsWith(to));
    }

    @Test
    void theSwitcherLeadsToTheTranslationRemembersTheChoiceAndFallsBackToAHomeWithoutHreflang() throws Exception {
        Browserless b = browser();
        String rural = "/it/" + slugStartingWith(b, "it", "fibra-in-paese");
        String html = b.get(rural).body();
        String bar = section(html, "<nav class=\"language-bar\"", "</nav>");
        assertThat(bar).containsPattern("<a href=\"/es/[a-z0-9-]+\\?switch\" lang=\"es\" hreflang=\"es\">Español</a>");
        Matcher fallback = Pattern.compile("<a href=\"(/en/\\?switch=fallback)\" class=\"is-fallback\">").matcher(bar);
        assertThat(fallback.find()).isTrue();
        assertThat(bar).doesNotContain("hreflang=\"en\"").doesNotContain("hreflang=\"fr\"");
        assertThat(alternates(html)).containsOnlyKeys("it", "es", "pt", "x-default");

        HttpResponse<String> chosen = b.get(fallback.group(1));
        assertThat(chosen.statusCode()).isEqualTo(302);
        assertThat(chosen.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/en/?fallback"));
        assertThat(chosen.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("scriptorium_lang=en")
                .containsIgnoringCase("Max-Age").containsIgnoringCase("HttpOnly"));
        assertThat(b.follow(fallback.group(1)).statusCode()).isEqualTo(200);
        assertThat(b.get("/", "Accept-Language", "de").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/en/"));

        Matcher toEs = Pattern.compile("<a href=\"(/es/[a-z0-9-]+)\\?switch\"").matcher(bar);
        assertThat(toEs.find()).isTrue();
        HttpResponse<String> es = b.follow(toEs.group(1) + "?switch");
        assertThat(es.statusCode()).isEqualTo(200);
        assertThat(es.body()).contains("lang=\"es\"");
        assertThat(b.get("/").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/es/"));
    }

    @Test
    void feedsAreValidRssAndAtomWithAbsoluteLinksAndAreAdvertised() throws Exception {
        SyndFeed rss = feed("/it/feed");
        assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
        assertThat(rss.getEntries()).hasSize(8);
        assertThat(rss.getLink()).isEqualTo(site.baseUrl() + "/it/");
        for (SyndEntry e : rss.getEntries()) {
            assertThat(e.getLink()).startsWith(site.baseUrl() + "/it/");
            assertThat(browser().get(e.getLink()).statusCode()).isEqualTo(200);
        }
        SyndFeed atom = feed("/de/feed/atom");
        assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
        assertThat(atom.getEntries()).isNotEmpty().allSatisfy(e -> assertThat(e.getLink()).startsWith(site.baseUrl() + "/de/"));
        SyndFeed category = feed("/en/category/business/feed");
        assertThat(category.getEntries()).hasSize(2);
        assertThat(feed("/en/category/business/feed/atom").getFeedType()).isEqualTo("atom_1.0");
        assertThat(ok("/it/").body()).contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Scriptorium (RSS)\" href=\""
                + site.baseUrl() + "/it/feed\" />");
        assertThat(ok("/en/category/business").body()).contains("type=\"application/rss+xml\" title=\"Business (RSS)\" href=\""
                + site.baseUrl() + "/en/category/business/feed\"");
        assertThat(browser().get("/it/category/nessuna/feed").statusCode()).isEqualTo(404);
    }

    private SyndFeed feed(String path) throws Exception {
        HttpResponse<String> r = ok(path);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).containsAnyOf("application/rss+xml", "application/atom+xml");
        return new SyndFeedInput().build(new StringReader(r.body()));
    }

    @Test
    void mediaAreServedReadOnlyWithASafeType() throws Exception {
        HttpResponse<String> svg = ok("/media/seed-financing.svg");
        assertThat(svg.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        assertThat(svg.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(svg.headers().firstValue("Content-Security-Policy").orElse("")).contains("sandbox");
        for (String bad : new String[] {"/media/nothing.svg", "/media/..%2Fdb%2Fscriptorium.mv.db", "/media/x.html", "/media/"}) {
            assertThat(browser().get(bad).statusCode()).as(bad).isEqualTo(404);
        }
    }

    @Test
    void badPageNumbersAndSlugsAnswerNotFoundInThePagesLanguage() throws Exception {
        for (String bad : new String[] {"/it/category/impresa?page=0", "/it/category/impresa?page=-1", "/it/category/impresa?page=abc",
                "/it/category/impresa?page=1e3", "/it/category/impresa?page=99999999999999", "/it/category/impresa?page=2",
                "/en/tag/funding?page=%00", "/it/category/Impresa", "/it/category/impresa/", "/it/tag/%C3%A8", "/it/author/a%20b",
                "/it/category/impresa/%2e%2e/tecnologia", "/it/?page=2", "/it/tag/funding/extra", "/it/category"}) {
            HttpResponse<String> r = browser().get(bad);
            assertThat(r.statusCode()).as(bad).isIn(400, 404);
            if (r.statusCode() == 404) {
                assertThat(r.body()).as(bad).contains("lang=\"it\"").doesNotContain("<script>");
            }
        }
    }

    @Test
    void theThemeChosenInTheSettingsRendersTheNextPublicPage() throws Exception {
        Browserless admin = browser();
        HttpResponse<String> form = admin.get("/backoffice/login", "Accept-Language", "en");
        HttpResponse<String> in = admin.submit(form, "login", Map.of("email", RunningSite.ADMIN_EMAIL,
                "password", RunningSite.ADMIN_PASSWORD), "submit", "X-Forwarded-For", "192.0.2.177");
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(browser().get("/backoffice/settings").statusCode()).isEqualTo(302);
        try {
            choose(admin, "minimal");
            String home = ok("/it/").body();
            assertThat(home).contains("/themes/minimal/css/minimal.css").contains("class=\"theme-minimal\"")
                    .doesNotContain("magazine.css");
            String article = ok(SEED_IT).body();
            assertThat(article).contains("class=\"theme-minimal\"").doesNotContain("class=\"sidebar\"")
                    .contains("application/ld+json");
            assertThat(ok("/it/category/impresa").body()).contains("class=\"theme-minimal\"");
            assertThat(ok("/themes/minimal/css/minimal.css").body()).contains(".column");
        } finally {
            choose(admin, "magazine");
        }
        assertThat(ok("/it/").body()).contains("/themes/magazine/css/magazine.css");
    }

    static void choose(Browserless admin, String theme) throws Exception {
        HttpResponse<String> page = admin.get("/backoffice/settings", "Accept-Language", "en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"minimal\"").contains("value=\"magazine\"");
        HttpResponse<String> saved = admin.submit(page, "settings", Map.of("theme", theme), "save");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(admin.follow(saved.headers().firstValue("Location").orElseThrow()).body()).contains("role=\"status\"");
    }

    private static String slugStartingWith(Browserless b, String lang, String start) throws Exception {
        Matcher m = Pattern.compile("href=\"/" + lang + "/(" + start + "[a-z0-9-]*)\"").matcher(b.get("/" + lang + "/").body());
        assertThat(m.find()).as(start).isTrue();
        return m.group(1);
    }

    static String canonical(String html) {
        Matcher m = Pattern.compile("<link rel=\"canonical\" href=\"([^\"]+)\"").matcher(html);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    static Map<String, String> alternates(String html) {
        Map<String, String> map = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<link rel=\"alternate\" hreflang=\"([^\"]+)\" href=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            map.put(m.group(1), m.group(2));
        }
        return map;
    }

    static String section(String html, String start, String end) {
        int from = html.indexOf(start);
        assertThat(from).as(start).isGreaterThanOrEqualTo(0);
        return html.substring(from, html.indexOf(end, from) + end.length());
    }

    static List<String> hrefs(String html) {
        List<String> list = new ArrayList<>();
        Matcher m = Pattern.compile("href=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            list.add(m.group(1));
        }
        return list;
    }

    static List<String> cards(String html) {
        List<String> list = new ArrayList<>();
        Matcher m = Pattern.compile("class=\"article-card__title\"><a href=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            list.add(m.group(1));
        }
        return list;
    }

    static List<String> related(String html) {
        return hrefs(section(html, "<section class=\"related\"", "</section>"));
    }
}
