package org.scriptorium.seo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.content.application.PublishedArticles;
import org.scriptorium.content.application.ReadingService;
import org.scriptorium.content.domain.ArticleTranslation;
import org.scriptorium.content.infrastructure.JpaArticleRepository;
import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.i18n.infrastructure.JpaSiteLanguageRepository;
import org.scriptorium.seo.application.ArticlePages;
import org.scriptorium.seo.application.LanguageHomes;
import org.scriptorium.seo.application.SitemapContext;
import org.scriptorium.seo.application.SitemapService;
import org.scriptorium.seo.application.SitemapSource;
import org.scriptorium.seo.domain.SitemapUrl;
import org.scriptorium.testing.TestDatabase;
import org.scriptorium.testing.TestServices;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Sitemaps generated from the demo magazine in a real database (H2, or PostgreSQL with -Ppostgres). */
class SitemapServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
    private static final String BASE = "https://magazine.example";
    private static TestDatabase db;

    @BeforeAll
    static void load() {
        db = TestDatabase.create();
        db.inTransaction(em -> TestServices.demo(em, CLOCK).loadIfEmpty());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static <T> T withService(Function<SitemapService, T> work, SitemapSource... extra) {
        return db.inTransaction(em -> work.apply(service(em, extra)));
    }

    private static SitemapService service(EntityManager em, SitemapSource... extra) {
        JpaArticleRepository articles = new JpaArticleRepository(em);
        ReadingService reading = org.scriptorium.testing.TestServices.reading(em, CLOCK);
        List<SitemapSource> sources = new java.util.ArrayList<>(List.of(
                new ArticlePages(new PublishedArticles(articles, CLOCK)), new LanguageHomes(reading)));
        sources.addAll(List.of(extra));
        return new SitemapService(() -> sources, new LanguageService(new JpaSiteLanguageRepository(em)), BASE);
    }

    @Test
    void eachLanguageListsItsHomeFirstThenEveryPublishedTranslation() {
        Map<String, Long> published = db.inTransaction(em -> {
            Map<String, Long> counts = new HashMap<>();
            em.createQuery("select t from ArticleTranslation t", ArticleTranslation.class).getResultList().stream()
                    .filter(t -> t.isVisibleAt(CLOCK.instant()))
                    .forEach(t -> counts.merge(t.getLanguage(), 1L, Long::sum));
            return counts;
        });
        for (String lang : List.of("it", "es", "en", "fr", "de", "pt")) {
            List<SitemapUrl> urls = withService(s -> s.urls(lang).orElseThrow());
            assertThat(urls.get(0).path()).isEqualTo("/" + lang + "/");
            assertThat(urls).hasSize(1 + published.get(lang).intValue());
            assertThat(urls.subList(1, urls.size())).allSatisfy(u -> {
                assertThat(u.path()).matches("/" + lang + "/[a-z0-9-]+");
                assertThat(u.lastModified()).isPresent();
                assertThat(u.alternates()).containsEntry(lang, u.path()).containsKey("x-default");
            });
        }
        assertThat(published).containsEntry("it", 8L).containsEntry("fr", 6L);
        Optional<List<SitemapUrl>> unknown = withService(s -> s.urls("xx"));
        assertThat(unknown).isEmpty();
    }

    @Test
    void alternatesAreReciprocalAndShareOneXDefault() {
        Map<String, Map<String, String>> byPath = new HashMap<>();
        for (String lang : List.of("it", "es", "en", "fr", "de", "pt")) {
            withService(s -> s.urls(lang).orElseThrow()).forEach(u -> byPath.put(u.path(), u.alternates()));
        }
        byPath.forEach((path, alternates) -> alternates.forEach((hreflang, target) -> {
            if (!"x-default".equals(hreflang)) {
                assertThat(byPath.get(target)).as("%s -> %s", path, target).isEqualTo(alternates);
            }
        }));
        assertThat(byPath.get("/de/")).containsEntry("x-default", "/").containsEntry("pt", "/pt/").hasSize(7);
        assertThat(byPath).hasSizeGreaterThan(40);
        byPath.forEach((path, a) -> {
            if (path.length() > 4 && a.containsKey("it")) {
                assertThat(a.get("x-default")).as(path).isEqualTo(a.get("it"));
            }
        });
        assertThat(byPath.values()).filteredOn(a -> !a.containsKey("it")).allSatisfy(a ->
                assertThat(a.get("x-default")).isIn(a.values()));
    }

    @Test
    void theDocumentsAreValidSitemapXmlWithAbsoluteUrls() throws Exception {
        Document index = parse(withService(SitemapService::index));
        assertThat(index.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        assertThat(index.getElementsByTagNameNS("*", "sitemap").getLength()).isEqualTo(6);
        assertThat(index.getElementsByTagNameNS("*", "loc").item(0).getTextContent()).isEqualTo(BASE + "/sitemap-it.xml");

        Document it = parse(withService(s -> s.sitemap("it").orElseThrow()));
        assertThat(it.getDocumentElement().getLocalName()).isEqualTo("urlset");
        NodeList links = it.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "link");
        assertThat(links.getLength()).isGreaterThan(9);
        Element first = (Element) links.item(0);
        assertThat(first.getAttribute("rel")).isEqualTo("alternate");
        assertThat(first.getAttribute("hreflang")).isEqualTo("it");
        assertThat(first.getAttribute("href")).isEqualTo(BASE + "/it/");
        NodeList locs = it.getElementsByTagNameNS("*", "loc");
        for (int i = 0; i < locs.getLength(); i++) {
            assertThat(locs.item(i).getTextContent()).startsWith(BASE + "/it/");
        }
        assertThat(withService(SitemapService::robots)).contains("Disallow: /backoffice/")
                .contains("Sitemap: " + BASE + "/sitemap.xml");
    }

    @Test
    void aNewKindOfPageJoinsTheSitemapsByAddingASource() {
        SitemapSource categories = new SitemapSource() {
            @Override
            public List<SitemapUrl> urls(SitemapContext context) {
                return List.of(new SitemapUrl("/" + context.language() + "/category/news?a=1&b=<2>", Optional.empty(),
                        Map.of(context.language(), "/" + context.language() + "/category/news?a=1&b=<2>")));
            }

            @Override
            public int order() {
                return 50;
            }
        };
        List<SitemapUrl> urls = withService(s -> s.urls("de").orElseThrow(), categories);
        assertThat(urls.get(urls.size() - 1).path()).isEqualTo("/de/category/news?a=1&b=<2>");
        String xml = withService(s -> s.sitemap("de").orElseThrow(), categories);
        assertThat(xml).contains("<loc>" + BASE + "/de/category/news?a=1&amp;b=&lt;2&gt;</loc>");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
