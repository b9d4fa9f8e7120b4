package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;
import org.scriptorium.web.common.Formats;

/**
 * The article editor against the running WAR: the administrator writes an article, publishes it, readers
 * see it at /{lang}/{slug} (also once it is in the page cache), and after unpublishing they get 404; a
 * scheduled article stays off the site until the timer publishes it at its time.
 */
class ArticleEditorIT {

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

    @Test
    void anonymousVisitorsCannotReachTheEditor() throws Exception {
        for (String path : new String[] {"/backoffice/articles", "/backoffice/article?lang=it"}) {
            HttpResponse<String> r = new Browserless(site.baseUrl()).get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/backoffice/login"));
        }
    }

    @Test
    void anArticleWrittenAndPublishedInTheBackOfficeAppearsAndDisappearsOnThePublicSite() throws Exception {
        Browserless editor = loggedIn("192.0.2.80");
        Browserless reader = new Browserless(site.baseUrl());
        String stamp = String.valueOf(System.nanoTime());
        String title = "Il caffè della redazione " + stamp;

        HttpResponse<String> blank = editor.get("/backoffice/article?lang=it", "Accept-Language", "it");
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(blank.body()).contains("Nuovo articolo");

        HttpResponse<String> refused = editor.submit(blank, "editor", Map.of("title", "", "excerpt", "Tenuto <così>"),
                "publish", "Accept-Language", "it");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Questo campo è obbligatorio.").contains("Tenuto &lt;così&gt;");

        HttpResponse<String> saved = editor.submit(refused, "editor", Map.of("title", title,
                "excerpt", "Un sommario", "body", "<p>Testo <strong>forte</strong></p><script>alert('x')</script>",
                "tags", "caffè"), "publish", "Accept-Language", "it");
        assertThat(saved.statusCode()).isEqualTo(302);
        String location = saved.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> edited = editor.get(location, "Accept-Language", "it");
        assertThat(edited.body()).contains("L’articolo è ora online.");
        String slug = edited.body().replaceAll("(?s).*id=\"view-on-site\" href=\"/it/([^\"]+)\".*", "$1");
        assertThat(slug).startsWith("il-caffe-della-redazione-");

        HttpResponse<String> page = reader.get("/it/" + slug);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(title).contains("<strong>forte</strong>").doesNotContain("alert('x')");
        HttpResponse<String> cached = reader.get("/it/" + slug);
        assertThat(cached.headers().firstValue("X-Scriptorium-Cache")).contains("HIT");

        HttpResponse<String> list = editor.get("/backoffice/articles?lang=it&q=" + stamp,
                "Accept-Language", "it");
        assertThat(list.body()).contains(title);

        HttpResponse<String> withdrawn = editor.submit(edited, "editor", Map.of(), "unpublish", "Accept-Language", "it");
        assertThat(withdrawn.statusCode()).isEqualTo(302);
        assertThat(editor.get(withdrawn.headers().firstValue("Location").orElseThrow(), "Accept-Language", "it").body())
                .contains("L’articolo è stato ritirato dal sito.");

        assertThat(reader.get("/it/" + slug).statusCode()).as("the cached page went with the article").isEqualTo(404);
    }

    @Test
    void aTakenSlugIsExplainedInTheEditorsLanguageAndNothingTypedIsLost() throws Exception {
        Browserless editor = loggedIn("192.0.2.81");
        HttpResponse<String> first = editor.submit(editor.get("/backoffice/article?lang=de", "Accept-Language", "de"), "editor",
                Map.of("title", "Doppelte Adresse", "slug", "doppelte-adresse-it"), "save", "Accept-Language", "de");
        assertThat(first.statusCode()).isEqualTo(302);

        HttpResponse<String> blank = editor.get("/backoffice/article?lang=de", "Accept-Language", "de");
        HttpResponse<String> clash = editor.submit(blank, "editor", Map.of("title", "Zweiter Versuch",
                "slug", "Doppelte Adresse IT", "body", "<p>Mein Text</p>"), "save", "Accept-Language", "de");
        assertThat(clash.statusCode()).isEqualTo(200);
        assertThat(clash.body()).contains("verwendet diese Adresse bereits").contains("value=\"Zweiter Versuch\"")
                .contains("&lt;p&gt;Mein Text&lt;/p&gt;");
    }

    /**
     * Writes an article in a language with the given slug scheduled for the given time, typed as the editor's
     * {@code datetime-local} field takes it (the site's zone, to the second).
     */
    static void schedule(Browserless editor, String lang, String title, String slug, Instant when) throws Exception {
        String local = LocalDateTime.ofInstant(when.truncatedTo(ChronoUnit.SECONDS), Formats.SITE_ZONE).toString();
        HttpResponse<String> scheduled = editor.submit(editor.get("/backoffice/article?lang=" + lang, "Accept-Language", "en"),
                "editor", Map.of("title", title, "slug", slug, "body", "<p>Written ahead of time.</p>", "publishAt", local),
                "schedule", "Accept-Language", "en");
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(302);
        assertThat(editor.get(scheduled.headers().firstValue("Location").orElseThrow(), "Accept-Language", "en").body())
                .contains("data-status=\"SCHEDULED\"");
    }

    /** Polls a public address until it answers 200; returns when it first did. */
    static Instant awaitOnline(Browserless reader, String path, Duration patience) throws Exception {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (reader.get(path).statusCode() == 200) {
                return Instant.now();
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(path + " did not go online within " + patience);
    }

    @Test
    void aScheduledArticleStaysOffTheSiteUntilTheTimerPublishesItAtItsTime() throws Exception {
        Browserless editor = loggedIn("192.0.2.82");
        Browserless reader = new Browserless(site.baseUrl());
        String slug = "written-ahead-" + System.nanoTime();
        Instant due = Instant.now().plusSeconds(20);
        schedule(editor, "en", "Written ahead " + slug, slug, due);
        assertThat(reader.get("/en/" + slug).statusCode()).as("before its time").isEqualTo(404);

        Instant online = awaitOnline(reader, "/en/" + slug, Duration.ofSeconds(120));
        assertThat(online).as("not before its time").isAfterOrEqualTo(due.truncatedTo(ChronoUnit.SECONDS));
        assertThat(reader.get("/en/" + slug).body()).contains("Written ahead of time.");
    }
}
