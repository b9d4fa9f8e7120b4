package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.testing.AkismetTestServer;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;

/**
 * Comments against the running WAR and the Akismet test server: validation in the reader's language with
 * the input kept, the signed form token, posting and seeing one's own pending comment, Akismet answering
 * after the reader got the page, moderation in the back office, and the approved comment on the article
 * even when the page was cached before.
 */
class CommentsIT {

    private static PayaraProcess site;
    private static Browserless admin;

    @BeforeAll
    static void start() throws Exception {
        site = RunningSite.get();
        admin = CommentSupport.admin(site, "192.0.2.90");
        CommentSupport.configure(admin, 0, 0);
    }

    @Test
    void aCommentIsValidatedPostedCheckedModeratedAndShown() throws Exception {
        Browserless reader = new Browserless(site.baseUrl());
        Browserless other = new Browserless(site.baseUrl());
        String slug = CommentSupport.firstArticle(other, "it");
        String stamp = String.valueOf(System.nanoTime());
        HttpResponse<String> page = reader.get("/it/" + slug);
        assertThat(page.body()).contains("Lascia un commento").contains("Akismet").contains("href=\"/it/privacy\"")
                .contains("I commenti sono moderati");
        assertThat(other.get("/it/" + slug).headers().firstValue("X-Scriptorium-Cache")).contains("HIT");

        HttpResponse<String> refused = reader.submit(page, "comment", Map.of("name", "", "email", "posta",
                "body", "Il mio <testo> " + stamp), "post", "X-Forwarded-For", "198.51.100.10");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Inserisci il tuo nome").contains("Inserisci un indirizzo e-mail valido")
                .contains("Il mio &lt;testo&gt; " + stamp).contains("value=\"posta\"");

        HttpResponse<String> forged = reader.submit(page, "comment", Map.of("name", "Eva", "email", "eva@example.org",
                "body", "ciao", "token", "1.2.3"), "post", "X-Forwarded-For", "198.51.100.10");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Il modulo è scaduto").contains("value=\"Eva\"");

        HttpResponse<String> foreign = reader.submit(page, "comment", Map.of("name", "Eva", "email", "eva@example.org",
                "body", "da un altro sito " + stamp), "post", "X-Forwarded-For", "198.51.100.10", "Origin", "https://evil.example");
        assertThat(foreign.statusCode()).as("a foreign Origin").isEqualTo(403);
        assertThat(foreign.body()).contains("Il modulo è scaduto").contains("da un altro sito " + stamp);

        HttpResponse<String> posted = reader.submit(refused, "comment", Map.of("name", "Eva <b>" + stamp,
                "email", "eva" + stamp + "@example.org", "body", "Riga uno\nRiga due http://example.org/x " + stamp),
                "post", "X-Forwarded-For", "198.51.100.10");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/it/" + slug + "?commented");
        HttpResponse<String> mine = reader.get(location);
        assertThat(mine.body()).contains("Grazie! Il tuo commento è arrivato").contains("in attesa di moderazione")
                .contains("Eva &lt;b&gt;" + stamp).contains("Riga uno<br/>Riga due")
                .contains("<a href=\"http://example.org/x\" rel=\"nofollow ugc\">");
        assertThat(reader.get("/it/" + slug).headers().firstValue("X-Scriptorium-Cache")).contains("BYPASS");
        assertThat(other.get("/it/" + slug).body()).as("others do not see it").doesNotContain(stamp);

        String queueUrl = "/backoffice/comments?tab=PENDING&q=" + stamp;
        long id = CommentSupport.firstRow(admin.get(queueUrl, "Accept-Language", "it").body());
        assertThat(id).isPositive();
        String detail = "";
        for (int i = 0; i < 40 && !detail.contains("akismet: PASS"); i++) {
            Thread.sleep(250);
            detail = admin.get("/backoffice/comment?id=" + id, "Accept-Language", "it").body();
        }
        assertThat(detail).contains("akismet: PASS").contains("honeypot").contains("Eva &lt;b&gt;" + stamp);
        assertThat(CommentSupport.akismet().calls("/1.1/comment-check")).anySatisfy(c -> {
            assertThat(c.param("comment_author")).contains("Eva <b>" + stamp);
            assertThat(c.param("blog_lang")).contains("it");
            assertThat(c.param("user_ip")).contains("198.51.100.10");
        });

        HttpResponse<String> queue = admin.get(queueUrl, "Accept-Language", "it");
        HttpResponse<String> approved = admin.submit(queue, "queue", Map.of("=selected", String.valueOf(id)), "approve",
                "Accept-Language", "it");
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(admin.get(approved.headers().firstValue("Location").orElseThrow(), "Accept-Language", "it").body())
                .contains("Un commento modificato.");

        HttpResponse<String> shown = other.get("/it/" + slug);
        assertThat(shown.body()).as("the cache dropped the old page").contains("Eva &lt;b&gt;" + stamp)
                .doesNotContain("in attesa di moderazione");
        assertThat(admin.get("/backoffice/comment?id=" + id, "Accept-Language", "it").body())
                .contains(RunningSite.ADMIN_EMAIL).contains("PENDING -&gt; APPROVED");
    }

    @Test
    void spamFromAkismetNeverReachesTheQueueAndTheFormAnswersInTheReadersLanguage() throws Exception {
        Browserless reader = new Browserless(site.baseUrl());
        String slug = CommentSupport.firstArticle(reader, "de");
        HttpResponse<String> page = reader.get("/de/" + slug);
        assertThat(page.body()).contains("Kommentar schreiben").contains("href=\"/de/privacy\"");
        HttpResponse<String> refused = reader.submit(page, "comment", Map.of("name", "Jo", "email", "jo@example.org",
                "url", "javascript:alert(1)", "body", ""), "post", "X-Forwarded-For", "198.51.100.11");
        assertThat(refused.body()).contains("Bitte schreiben Sie Ihren Kommentar").contains("Webadresse");
        String stamp = String.valueOf(System.nanoTime());
        HttpResponse<String> posted = reader.submit(refused, "comment", Map.of("name", AkismetTestServer.SPAM_AUTHOR,
                "email", "spam" + stamp + "@example.org", "url", "", "body", "Billig " + stamp), "post",
                "X-Forwarded-For", "198.51.100.12");
        assertThat(posted.statusCode()).isEqualTo(303);
        String spamTab = "";
        for (int i = 0; i < 40 && !spamTab.contains("data-comment"); i++) {
            Thread.sleep(250);
            spamTab = admin.get("/backoffice/comments?tab=SPAM&q=" + URLEncoder.encode(stamp, StandardCharsets.UTF_8),
                    "Accept-Language", "en").body();
        }
        assertThat(spamTab).contains("Billig " + stamp).contains("akismet SPAM");
    }

    @Test
    void thePrivacyPageExistsInEveryLanguage() throws Exception {
        Browserless reader = new Browserless(site.baseUrl());
        Map<String, String> titles = Map.of("it", "Privacy", "es", "Privacidad", "en", "Privacy", "fr", "Confidentialité",
                "de", "Datenschutz", "pt", "Privacidade");
        for (var e : titles.entrySet()) {
            HttpResponse<String> r = reader.get("/" + e.getKey() + "/privacy");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("lang=\"" + e.getKey() + "\"").contains(e.getValue()).contains("Akismet");
        }
    }

    @Test
    void theModerationQueueIsClosedToReadersAndTheSettingsToNonAdministrators() throws Exception {
        for (String path : new String[] {"/backoffice/comments", "/backoffice/comment?id=1", "/backoffice/comments/settings"}) {
            assertThat(new Browserless(site.baseUrl()).get(path).statusCode()).as(path).isEqualTo(302);
        }
        assertThat(new Browserless(site.baseUrl()).get("/comments/post").statusCode()).isEqualTo(405);
    }
}
