package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;

/**
 * Search on the running WAR: the public search page, its header box in the theme, naughty strings as
 * queries, an article that leaves the results the moment it is unpublished, the back office's search of
 * drafts, and the index rebuild with its progress feed.
 */
class SearchIT {

    private static PayaraProcess site;

    @BeforeAll
    static void start() {
        site = RunningSite.get();
    }

    private static Browserless loggedIn(String address) throws Exception {
        Browserless b = new Browserless(site.baseUrl());
        HttpResponse<String> form = b.get("/backoffice/login", "Accept-Language", "it");
        HttpResponse<String> after = b.submit(form, "login", Map.of("email", RunningSite.ADMIN_EMAIL,
                "password", RunningSite.ADMIN_PASSWORD), "submit", "X-Forwarded-For", address);
        assertThat(after.statusCode()).isEqualTo(302);
        return b;
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void everyNaughtyStringAsAQueryAnswersAPageNeverAnError() throws Exception {
        Browserless b = new Browserless(site.baseUrl());
        List<String> failures = new ArrayList<>();
        for (String s : BadInputIT.naughtyStrings()) {
            for (String url : List.of("/it/search?q=" + q(s),
                    "/de/search?in=all&sort=date&q=" + q(s) + "&category=" + q(s) + "&year=" + q(s) + "&page=2")) {
                HttpResponse<String> r;
                try {
                    r = b.get(url);
                } catch (IllegalArgumentException unsendable) {
                    continue;
                }
                if (r.statusCode() != 200 || !r.body().contains("<html")) {
                    failures.add(r.statusCode() + " " + url);
                } else if (s.contains("<") && s.length() > 3 && r.body().contains(s)) {
                    failures.add("reflected unescaped: " + url);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void thePublicSearchFindsDemoArticlesInThePageLanguageWithSnippetsFacetsAndAllLanguages() throws Exception {
        Browserless b = new Browserless(site.baseUrl());
        HttpResponse<String> home = b.get("/en/");
        assertThat(home.body()).contains("role=\"search\"").contains("action=\"/en/search\"");

        HttpResponse<String> empty = b.get("/fr/search");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("id=\"search-hint\"").contains("lang=\"fr\"");
        assertThat(empty.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<String> found = b.get("/en/search?q=open+source");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("id=\"search-results\"").contains("<mark>").contains("id=\"facet-years\"")
                .doesNotContain("javax.faces.ViewState").doesNotContain("jakarta.faces.ViewState");

        HttpResponse<String> all = b.get("/en/search?q=open+source&in=all");
        assertThat(all.body()).contains("class=\"search-hit__language\"");

        HttpResponse<String> nothing = b.get("/it/search?q=zzqqxxyy");
        assertThat(nothing.body()).contains("id=\"search-empty\"").contains("Nessun articolo");
    }

    @Test
    void anUnpublishedArticleLeavesTheResultsAtOnceAndTheBackOfficeStillFindsIt() throws Exception {
        Browserless editor = loggedIn("192.0.2.90");
        Browserless reader = new Browserless(site.baseUrl());
        String word = "zanzibarite" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        String title = "Minerali rari " + word;

        HttpResponse<String> blank = editor.get("/backoffice/article?lang=it", "Accept-Language", "it");
        HttpResponse<String> saved = editor.submit(blank, "editor", Map.of("title", title,
                "body", "<p>Una pietra chiamata " + word + " nelle montagne.</p>"), "publish", "Accept-Language", "it");
        assertThat(saved.statusCode()).isEqualTo(302);
        HttpResponse<String> edited = editor.get(saved.headers().firstValue("Location").orElseThrow(), "Accept-Language", "it");

        String search = "/it/search?q=" + word;
        assertThat(reader.get(search).body()).contains("Minerali rari <mark>");

        HttpResponse<String> withdrawn = editor.submit(edited, "editor", Map.of(), "unpublish", "Accept-Language", "it");
        assertThat(withdrawn.statusCode()).isEqualTo(302);
        HttpResponse<String> after = reader.get(search);
        assertThat(after.body()).doesNotContain(title).contains("id=\"search-empty\"");

        HttpResponse<String> backoffice = editor.get("/backoffice/search?q=" + word, "Accept-Language", "it");
        assertThat(backoffice.statusCode()).isEqualTo(200);
        assertThat(backoffice.body()).contains("id=\"search-results\"").contains(word);
    }

    @Test
    void anAdministratorRebuildsTheIndexAndWatchesItsProgress() throws Exception {
        Browserless admin = loggedIn("192.0.2.91");
        HttpResponse<String> page = admin.get("/backoffice/search", "Accept-Language", "en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"rebuild-bar\"");
        HttpResponse<String> started = admin.submit(page, "rebuild", Map.of(), "start", "Accept-Language", "en");
        assertThat(started.statusCode()).isEqualTo(302);
        String feed = "";
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            feed = admin.get("/backoffice/search-progress").body();
            if (feed.contains("\"running\":false")) {
                break;
            }
            Thread.sleep(300);
        }
        assertThat(feed).contains("\"running\":false").contains("\"failed\":false").contains("\"percent\":100");
        assertThat(new Browserless(site.baseUrl()).get("/en/search?q=open+source").body()).contains("id=\"search-results\"");

        HttpResponse<String> anonymous = new Browserless(site.baseUrl()).get("/backoffice/search-progress");
        assertThat(anonymous.statusCode()).isEqualTo(302);
    }
}
