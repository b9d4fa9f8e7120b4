package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;

/** The minimal public pages, against the WAR on Payara Micro with the demo content. */
class PublicSiteIT {

    private static PayaraProcess site;

    @BeforeAll
    static void start() {
        site = RunningSite.get();
    }

    private Browserless browser() {
        return new Browserless(site.baseUrl());
    }

    @Test
    void theRootNegotiatesTheLanguageFromAcceptLanguageThenTheDefault() throws Exception {
        assertThat(browser().get("/", "Accept-Language", "fr-CH, fr;q=0.9, en;q=0.8").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/fr/"));
        assertThat(browser().get("/", "Accept-Language", "ja, zh;q=0.5").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/it/"));
        assertThat(browser().get("/", "Accept-Language", ";;q=x,,,").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/it/"));
        assertThat(browser().get("/", "Cookie", "scriptorium_lang=pt", "Accept-Language", "de").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/pt/"));
    }

    @Test
    void eachLanguageHomeListsItsPublishedArticlesWithLinks() throws Exception {
        for (String lang : new String[] {"it", "es", "en", "fr", "de", "pt"}) {
            HttpResponse<String> home = browser().get("/" + lang + "/");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" + lang + "\">");
            assertThat(articleLinks(home.body(), lang)).as("articles in " + lang).isGreaterThanOrEqualTo(6);
        }
        assertThat(articleLinks(browser().get("/fr/").body(), "fr")).isEqualTo(6);
        assertThat(articleLinks(browser().get("/it/").body(), "it")).isEqualTo(8);
    }

    @Test
    void anArticleRendersThroughTheThemeInItsLanguageWithItsTranslationsLinked() throws Exception {
        Browserless b = browser();
        String link = firstArticleLink(b.get("/es/").body(), "es");
        HttpResponse<String> article = b.get(link);
        assertThat(article.statusCode()).isEqualTo(200);
        assertThat(article.body())
                .contains("lang=\"es\"")
                .contains("class=\"theme-magazine\"")
                .contains("/themes/magazine/css/magazine.css")
                .contains("class=\"article__body\"")
                .contains("hreflang=\"x-default\"");
        assertThat(article.body().length()).isGreaterThan(4000);
    }

    @Test
    void anUnknownSlugGetsA404PageInThePagesLanguage() throws Exception {
        HttpResponse<String> de = browser().get("/de/diesen-artikel-gibt-es-nicht");
        assertThat(de.statusCode()).isEqualTo(404);
        assertThat(de.body()).contains("lang=\"de\"").contains("Seite nicht gefunden");
        HttpResponse<String> pt = browser().get("/pt/nao-existe");
        assertThat(pt.statusCode()).isEqualTo(404);
        assertThat(pt.body()).contains("lang=\"pt\"").contains("Página não encontrada");
        HttpResponse<String> odd = browser().get("/it/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertThat(odd.statusCode()).isEqualTo(404);
        assertThat(odd.body()).doesNotContain("<script>alert(1)");
    }

    @Test
    void internalViewsAndTemplatesAreNotServed() throws Exception {
        assertThat(browser().get("/site/article.xhtml").statusCode()).isEqualTo(404);
        assertThat(browser().get("/themes/magazine/templates/layout.xhtml").statusCode()).isEqualTo(404);
        assertThat(browser().get("/themes/magazine/css/magazine.css").statusCode()).isEqualTo(200);
    }

    @Test
    void healthIsReadyWhileTheDatabaseAnswers() throws Exception {
        HttpResponse<String> health = browser().get("/health/ready");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("database");
    }

    /** The number of different articles linked from the lead story and the article cards. */
    static int articleLinks(String html, String lang) {
        Matcher m = Pattern.compile("class=\"(?:article-card|lead)__title\"(?: id=\"[a-z-]+\")?><a href=\"(/" + lang + "/[a-z0-9-]+)\"")
                .matcher(html);
        java.util.Set<String> links = new java.util.HashSet<>();
        while (m.find()) {
            links.add(m.group(1));
        }
        return links.size();
    }

    static String firstArticleLink(String html, String lang) {
        Matcher m = Pattern.compile("class=\"article-card__title\"><a href=\"(/" + lang + "/[a-z0-9-]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
