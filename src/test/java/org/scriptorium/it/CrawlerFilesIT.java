package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** robots.txt, the sitemap index and the language sitemaps, walked against the running WAR. */
class CrawlerFilesIT {

    private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    private static final Pattern HTML_LANG = Pattern.compile("<html[^>]*\\blang=\"([^\"]+)\"");

    private static PayaraProcess site;

    @BeforeAll
    static void start() {
        site = RunningSite.get();
    }

    private Browserless browser() {
        return new Browserless(site.baseUrl());
    }

    @Test
    void robotsAllowsTheSiteKeepsCrawlersOutOfTheBackOfficeAndNamesTheSitemap() throws Exception {
        HttpResponse<String> robots = browser().get("/robots.txt");
        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(robots.body().lines().toList()).contains("User-agent: *", "Allow: /", "Disallow: /backoffice/",
                "Sitemap: " + site.baseUrl() + "/sitemap.xml");
    }

    @Test
    void theIndexListsOneSitemapPerLanguageAndEachListsItsHomeAndArticlesWithReciprocalAlternates() throws Exception {
        Document index = xml("/sitemap.xml");
        assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
        assertThat(index.getDocumentElement().getNamespaceURI()).isEqualTo(SITEMAP_NS);
        List<String> sitemaps = texts(index, "loc");
        assertThat(sitemaps).containsExactly(
                site.baseUrl() + "/sitemap-it.xml", site.baseUrl() + "/sitemap-es.xml", site.baseUrl() + "/sitemap-en.xml",
                site.baseUrl() + "/sitemap-fr.xml", site.baseUrl() + "/sitemap-de.xml", site.baseUrl() + "/sitemap-pt.xml");
        assertThat(texts(index, "lastmod")).hasSize(6).allMatch(d -> d.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));

        Map<String, Map<String, String>> alternatesByUrl = new HashMap<>();
        Map<String, String> languageByUrl = new HashMap<>();
        for (String sitemap : sitemaps) {
            String lang = sitemap.replaceAll(".*/sitemap-([a-z]+)\\.xml$", "$1");
            Document doc = xml(sitemap.substring(site.baseUrl().length()));
            assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("urlset");
            assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(SITEMAP_NS);
            NodeList urls = doc.getElementsByTagNameNS(SITEMAP_NS, "url");
            List<String> locs = new ArrayList<>();
            for (int i = 0; i < urls.getLength(); i++) {
                Element url = (Element) urls.item(i);
                String loc = text(url, "loc");
                locs.add(loc);
                if (!loc.contains("/category/") && !loc.contains("/tag/") && !loc.contains("/author/")) {
                    assertThat(text(url, "lastmod")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
                }
                Map<String, String> alternates = new HashMap<>();
                NodeList links = url.getElementsByTagNameNS(XHTML_NS, "link");
                for (int j = 0; j < links.getLength(); j++) {
                    Element link = (Element) links.item(j);
                    assertThat(link.getAttribute("rel")).isEqualTo("alternate");
                    alternates.put(link.getAttribute("hreflang"), link.getAttribute("href"));
                }
                assertThat(alternates).as(loc).containsEntry(lang, loc).containsKey("x-default");
                alternatesByUrl.put(loc, alternates);
                languageByUrl.put(loc, lang);
            }
            assertThat(locs).first().isEqualTo(site.baseUrl() + "/" + lang + "/");
            assertThat(locs).as(lang).hasSizeGreaterThanOrEqualTo(7).doesNotHaveDuplicates();
            if ("it".equals(lang) || "fr".equals(lang)) {
                assertThat(locs.stream().filter(l -> !l.contains("/category/") && !l.contains("/tag/") && !l.contains("/author/")))
                        .as("the home and every published article").hasSize("it".equals(lang) ? 9 : 7);
                assertThat(locs.stream().filter(l -> l.contains("/author/"))).as("the authors who published in it")
                        .isNotEmpty().allMatch(l -> l.matches(".*/" + lang + "/author/[a-z0-9-]+"));
                assertThat(locs.stream().filter(l -> l.contains("/category/"))).as("every category").hasSize(13);
                assertThat(locs.stream().filter(l -> l.contains("/tag/"))).as("every tag").hasSize(13);
            }
        }

        for (Map.Entry<String, Map<String, String>> entry : alternatesByUrl.entrySet()) {
            String loc = entry.getKey();
            for (Map.Entry<String, String> alternate : entry.getValue().entrySet()) {
                if ("x-default".equals(alternate.getKey())) {
                    continue;
                }
                Map<String, String> back = alternatesByUrl.get(alternate.getValue());
                assertThat(back).as("alternate %s of %s is listed in a sitemap", alternate.getValue(), loc).isNotNull();
                assertThat(back).as("reciprocal alternates of %s", loc).isEqualTo(entry.getValue());
            }
        }

        Browserless b = browser();
        for (Map.Entry<String, String> entry : languageByUrl.entrySet()) {
            HttpResponse<String> page = b.get(entry.getKey());
            assertThat(page.statusCode()).as(entry.getKey()).isEqualTo(200);
            Matcher lang = HTML_LANG.matcher(page.body());
            assertThat(lang.find()).as(entry.getKey()).isTrue();
            assertThat(lang.group(1)).as(entry.getKey()).isEqualTo(entry.getValue());
        }
    }

    @Test
    void anUnknownLanguageSitemapIsNotFound() throws Exception {
        assertThat(browser().get("/sitemap-xx.xml").statusCode()).isEqualTo(404);
        assertThat(browser().get("/sitemap-.xml").statusCode()).isEqualTo(404);
    }

    private Document xml(String path) throws Exception {
        HttpResponse<String> r = browser().get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/xml"));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document doc, String name) {
        NodeList nodes = doc.getElementsByTagNameNS(SITEMAP_NS, name);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent().trim());
        }
        return out;
    }

    private static String text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(SITEMAP_NS, name);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }
}
