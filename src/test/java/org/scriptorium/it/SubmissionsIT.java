package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.testing.AkismetTestServer;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;

/**
 * Story submissions against the running WAR, without a browser: the form keeps what was typed and uploaded
 * across refusals (HTML renamed .jpg, an oversize image, a missing field), Akismet is asked with
 * {@code comment_type=blog-post} and the story's language, spam lands in the spam folder and "not spam" is
 * reported back, an Akismet outage holds the submission for review, and naughty strings never break a page.
 */
class SubmissionsIT {

    private static final AtomicInteger ADDRESS = new AtomicInteger(10);
    private static PayaraProcess site;

    @BeforeAll
    static void start() throws Exception {
        site = RunningSite.get();
        // The site starts with SCRIPTORIUM_AKISMET_ENDPOINT at RunningSite.akismet(); the key and endpoint saved on
        // the back-office settings page (another Akismet test server) must win, for submissions as for comments.
        CommentSupport.configure(CommentSupport.admin(site, "192.0.2.93"), 0, 0);
    }

    private static String address() {
        int n = ADDRESS.incrementAndGet();
        return "198.51." + (100 + n / 250) + "." + (n % 250 + 1);
    }

    /** The form, opened long enough ago to pass the minimum fill time. */
    static HttpResponse<String> openForm(Browserless reader, String lang) throws Exception {
        HttpResponse<String> form = reader.get("/" + lang + "/submit");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        Thread.sleep(3200);
        return form;
    }

    static Map<String, String> story(String title, String name, String email) {
        Map<String, String> f = new HashMap<>();
        f.put("title", title);
        f.put("summary", "How a small bakery moved its orders online.");
        f.put("story", "<p>We started with <strong>paper</strong>.</p><script>alert(1)</script><p>Then came the tablets.</p>");
        f.put("authorName", name);
        f.put("email", email);
        f.put("bio", "Baker and amateur programmer.");
        f.put("consent", "true");
        return f;
    }

    private static HttpResponse<String> send(Browserless reader, HttpResponse<String> form, Map<String, String> fields,
                                             Map<String, Browserless.FilePart> files, String address) throws Exception {
        return reader.submitMultipart(form, "submit", fields, files, "send", "X-Forwarded-For", address);
    }

    static String statusPath(HttpResponse<String> sent) {
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        String location = sent.headers().firstValue("Location").orElseThrow();
        Matcher m = Pattern.compile("(/[a-z]{2}/submit/status/[a-f0-9]{32})").matcher(location);
        assertThat(m.find()).as(location).isTrue();
        return m.group(1);
    }

    private static String submissionId(Browserless editor, String title) throws Exception {
        String queue = editor.get("/backoffice/submissions?q=" + java.net.URLEncoder.encode(title, StandardCharsets.UTF_8),
                "Accept-Language", "en").body();
        Matcher m = Pattern.compile("/backoffice/submission\\?id=([0-9]+)\">").matcher(queue);
        assertThat(m.find()).as(queue).isTrue();
        return m.group(1);
    }

    @Test
    void refusedImagesAndMissingFieldsKeepEverythingTypedAndUploaded() throws Exception {
        Browserless reader = new Browserless(site.baseUrl());
        HttpResponse<String> form = openForm(reader, "it");
        String address = address();
        Map<String, String> fields = story("La panetteria online " + System.nanoTime(), "Giulia <Rossi>", "giulia" + System.nanoTime() + "@example.org");
        fields.put("title", "");
        byte[] html = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = send(reader, form, fields, Map.of(
                "image1", new Browserless.FilePart("forno.png", "image/png", MediaLibraryIT.png(640, 480)),
                "image2", new Browserless.FilePart("ricetta.jpg", "image/jpeg", html),
                "image3", new Browserless.FilePart("enorme.png", "image/png", new byte[5 * 1024 * 1024 + 10])), address);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("Questo file non è un’immagine PNG, JPEG, GIF o WebP")
                .contains("Questa immagine è troppo grande: il massimo è 5.120 KB")
                .contains("value=\"Giulia &lt;Rossi&gt;\"")
                .contains("Baker and amateur programmer.")
                .contains("Già allegata: forno.png");

        fields.put("title", "La panetteria online");
        HttpResponse<String> missing = send(reader, refused, fields, Map.of(), address);
        assertThat(missing.statusCode()).as("the first refusal was for images only").isEqualTo(302);
        String statusPath = statusPath(missing);
        String status = reader.get(statusPath + "?received").body();
        assertThat(status).contains("La panetteria online").contains("Ricevuta, in attesa di lettura");
        String mail = outboxMailTo(fields.get("email"));
        assertThat(mail).contains(statusPath.substring(statusPath.lastIndexOf('/') + 1)).contains("Subject:");

        Browserless editor = MediaLibraryIT.loggedIn("192.0.2.94");
        String id = submissionId(editor, "La panetteria online");
        String detail = editor.get("/backoffice/submission?id=" + id, "Accept-Language", "it").body();
        assertThat(detail).contains("forno.png").contains("<strong>paper</strong>").doesNotContain("alert(1)")
                .contains("Giulia &lt;Rossi&gt;");
        Matcher img = Pattern.compile("/backoffice/submission-image\\?id=" + id + "&amp;file=([0-9.a-z]+)").matcher(detail);
        assertThat(img.find()).isTrue();
        HttpResponse<String> picture = editor.get("/backoffice/submission-image?id=" + id + "&file=" + img.group(1));
        assertThat(picture.statusCode()).isEqualTo(200);
        assertThat(picture.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/png"));
        assertThat(picture.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(new Browserless(site.baseUrl()).get("/backoffice/submission-image?id=" + id + "&file=1.png").statusCode())
                .as("anonymous").isEqualTo(302);
    }

    /** The e-mail the site wrote into its outbox for an address (waits a little: it is sent after the commit). */
    static String outboxMailTo(String address) throws Exception {
        java.nio.file.Path outbox = RunningSite.dataDir().resolve("outbox");
        for (int attempt = 0; attempt < 40; attempt++) {
            if (java.nio.file.Files.isDirectory(outbox)) {
                try (var files = java.nio.file.Files.list(outbox)) {
                    for (java.nio.file.Path f : files.sorted().toList()) {
                        String text = java.nio.file.Files.readString(f, StandardCharsets.ISO_8859_1);
                        if (text.contains(address)) {
                            return text.replace("=\r\n", "").replace("=\n", "");
                        }
                    }
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No e-mail to " + address + " in " + outbox);
    }

    @Test
    void akismetIsAskedAboutABlogPostInTheStorysLanguageAndSpamCanBeRescued() throws Exception {
        AkismetTestServer akismet = CommentSupport.akismet();
        Browserless reader = new Browserless(site.baseUrl());
        HttpResponse<String> form = openForm(reader, "en");
        String title = "Cheap pills " + System.nanoTime();
        Map<String, String> fields = story(title, AkismetTestServer.SPAM_AUTHOR, "pills" + System.nanoTime() + "@example.org");
        fields.put("storyLanguage", "de");
        String status = statusPath(send(reader, form, fields, Map.of(), address()));
        assertThat(reader.get(status).body()).contains("Received, waiting to be read");

        AkismetTestServer.Call check = akismet.calls("/1.1/comment-check").stream()
                .filter(c -> c.param("comment_author").orElse("").equals(AkismetTestServer.SPAM_AUTHOR)
                        && c.param("comment_content").orElse("").contains(title)).findFirst().orElseThrow();
        assertThat(check.param("comment_type")).hasValue("blog-post");
        assertThat(check.param("blog_lang")).hasValue("de");
        assertThat(check.param("user_ip")).isPresent();
        assertThat(CommentSupport.admin(site, "192.0.2.91").get("/backoffice/comments/settings", "Accept-Language", "en").body())
                .contains("The same key also checks the stories readers send");
        assertThat(RunningSite.akismet().calls("/1.1/comment-check"))
                .as("the endpoint saved in the back office replaces the configured one")
                .noneSatisfy(c -> assertThat(c.param("comment_content").orElse("")).contains(title));

        Browserless editor = MediaLibraryIT.loggedIn("192.0.2.95");
        String id = submissionId(editor, title);
        HttpResponse<String> detail = editor.get("/backoffice/submission?id=" + id, "Accept-Language", "en");
        assertThat(detail.body()).contains("data-status=\"SPAM\"");
        int hams = akismet.calls("/1.1/submit-ham").size();
        HttpResponse<String> rescued = editor.submit(detail, "decide", Map.of(), "ham", "Accept-Language", "en");
        assertThat(rescued.statusCode()).isEqualTo(302);
        assertThat(editor.get(rescued.headers().firstValue("Location").orElseThrow(), "Accept-Language", "en").body())
                .contains("data-status=\"NEW\"");
        assertThat(akismet.calls("/1.1/submit-ham")).hasSize(hams + 1);
        assertThat(akismet.lastCall("/1.1/submit-ham").param("comment_type")).hasValue("blog-post");

        HttpResponse<String> again = editor.get("/backoffice/submission?id=" + id, "Accept-Language", "en");
        int spams = akismet.calls("/1.1/submit-spam").size();
        assertThat(editor.submit(again, "decide", Map.of(), "spam", "Accept-Language", "en").statusCode()).isEqualTo(302);
        assertThat(akismet.calls("/1.1/submit-spam")).hasSize(spams + 1);
    }

    @Test
    void whenAkismetIsDownTheSubmissionIsHeldForReviewAndNotLost() throws Exception {
        AkismetTestServer akismet = CommentSupport.akismet();
        Browserless reader = new Browserless(site.baseUrl());
        HttpResponse<String> form = openForm(reader, "fr");
        String title = "Histoire pendant la panne " + System.nanoTime();
        akismet.stop();
        String status;
        try {
            status = statusPath(send(reader, form, story(title, "Claire", "claire" + System.nanoTime() + "@example.org"),
                    Map.of(), address()));
        } finally {
            akismet.start();
        }
        assertThat(reader.get(status).body()).contains(title).contains("Reçue, en attente de lecture");
        Browserless editor = MediaLibraryIT.loggedIn("192.0.2.96");
        String id = submissionId(editor, title);
        String detail = editor.get("/backoffice/submission?id=" + id, "Accept-Language", "en").body();
        assertThat(detail).contains("data-status=\"NEW\"").contains("Held: Akismet did not answer");
    }

    @Test
    void aDeclineStartsFromATemplateInTheSubmittersLanguageAndTheyAreToldByMailAndOnTheStatusPage() throws Exception {
        Browserless reader = new Browserless(site.baseUrl());
        HttpResponse<String> form = openForm(reader, "es");
        String title = "Mi taller " + System.nanoTime();
        String email = "lucia" + System.nanoTime() + "@example.org";
        String status = statusPath(send(reader, form, story(title, "Lucía", email), Map.of(), address()));
        outboxMailTo(email);

        Browserless editor = MediaLibraryIT.loggedIn("192.0.2.99");
        String id = submissionId(editor, title);
        long declinedBefore = count(editor, "DECLINED");
        HttpResponse<String> detail = editor.get("/backoffice/submission?id=" + id, "Accept-Language", "en");
        HttpResponse<String> assigned = editor.submit(detail, "assign", Map.of("reviewer", RunningSite.ADMIN_EMAIL), "save",
                "Accept-Language", "en");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(302);
        assertThat(queue(editor, "", title)).contains("<td>" + RunningSite.ADMIN_EMAIL + "</td>");
        detail = editor.get("/backoffice/submission?id=" + id, "Accept-Language", "en");
        assertThat(detail.body()).contains("Not a fit for the magazine");
        HttpResponse<String> filled = editor.submit(detail, "decide", Map.of("template", "notFit", "message", ""),
                "useTemplate", "Accept-Language", "en");
        assertThat(filled.statusCode()).isEqualTo(200);
        Matcher area = Pattern.compile("<textarea id=\"decide:message\"[^>]*>\\R?(.*?)</textarea>", Pattern.DOTALL)
                .matcher(filled.body());
        assertThat(area.find()).as(filled.body()).isTrue();
        String message = area.group(1).strip();
        assertThat(message).as("the Spanish template, whatever the editor's language").startsWith("Gracias por escribirnos.");

        HttpResponse<String> declined = editor.submit(filled, "decide", Map.of("message", message + " ¡Suerte!"), "decline",
                "Accept-Language", "en");
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(302);
        assertThat(editor.get(declined.headers().firstValue("Location").orElseThrow(), "Accept-Language", "en").body())
                .contains("data-status=\"DECLINED\"");
        assertThat(count(editor, "DECLINED")).isEqualTo(declinedBefore + 1);
        assertThat(queue(editor, "DECLINED", title)).contains(">" + title + "</a>");
        assertThat(queue(editor, "NEW", title)).doesNotContain(">" + title + "</a>");

        assertThat(reader.get(status).body()).contains("No aceptada").contains("Gracias por escribirnos.").contains("¡Suerte!");
        String mail = lastOutboxMailTo(email, "No aceptada");
        assertThat(mail).contains("Gracias por escribirnos.").contains(status.substring(status.lastIndexOf('/') + 1));
    }

    /** The queue filtered by status (empty: all) and text. */
    private static String queue(Browserless editor, String status, String text) throws Exception {
        return editor.get("/backoffice/submissions?status=" + status + "&q="
                + java.net.URLEncoder.encode(text, StandardCharsets.UTF_8), "Accept-Language", "en").body();
    }

    /** The count the queue shows for a status. */
    private static long count(Browserless editor, String status) throws Exception {
        Matcher m = Pattern.compile("id=\"count-" + status + "\"[^>]*>[^<:]*: ([0-9]+)</a>").matcher(queue(editor, "", ""));
        assertThat(m.find()).as("the count of " + status).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The newest e-mail to an address that contains a text (waits a little: it is sent after the commit). */
    static String lastOutboxMailTo(String address, String text) throws Exception {
        java.nio.file.Path outbox = RunningSite.dataDir().resolve("outbox");
        for (int attempt = 0; attempt < 40; attempt++) {
            try (var files = java.nio.file.Files.list(outbox)) {
                for (java.nio.file.Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    String mail = java.nio.file.Files.readString(f, StandardCharsets.ISO_8859_1).replace("=\r\n", "")
                            .replace("=\n", "");
                    if (mail.contains(address) && mail.contains(text)) {
                        return mail;
                    }
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No e-mail to " + address + " saying " + text + " in " + outbox);
    }

    @Test
    void theCallToActionLeadsToTheFormFromEveryPublicPageOfBothThemesInEveryLanguage() throws Exception {
        Browserless admin = CommentSupport.admin(site, "192.0.2.92");
        try {
            for (String theme : List.of("minimal", "magazine")) {
                PublicPagesIT.choose(admin, theme);
                for (String lang : List.of("it", "es", "en", "fr", "de", "pt")) {
                    Browserless reader = new Browserless(site.baseUrl());
                    String home = reader.get("/" + lang + "/").body();
                    assertThat(home).contains("class=\"theme-" + theme + "\"");
                    List<String> paths = new java.util.ArrayList<>(List.of("/" + lang + "/", "/" + lang + "/search?q=cloud",
                            "/" + lang + "/privacy", "/" + lang + "/newsletter", "/" + lang + "/no-such-page-" + System.nanoTime()));
                    String article = "/" + lang + "/" + CommentSupport.firstArticle(reader, lang);
                    paths.add(article);
                    String articlePage = reader.get(article).body();
                    for (String kind : List.of("category", "tag", "author")) {
                        Matcher link = Pattern.compile("href=\"(/" + lang + "/" + kind + "/[^\"?#]+)\"").matcher(home + articlePage);
                        assertThat(link.find()).as("a %s link in %s (%s)", kind, lang, theme).isTrue();
                        paths.add(link.group(1));
                    }
                    String title = new org.scriptorium.i18n.application.UiTexts().msg(lang, "cta.publishWithUs.title");
                    for (String path : paths) {
                        HttpResponse<String> page = reader.get(path);
                        assertThat(page.statusCode()).as(path).isIn(200, 404);
                        assertThat(page.body()).as("%s (%s)", path, theme)
                                .contains("id=\"publish-with-us\" href=\"/" + lang + "/submit\"").contains(title);
                    }
                }
            }
        } finally {
            PublicPagesIT.choose(admin, "magazine");
        }
    }

    @Test
    void theHoneypotSendsASubmissionStraightToSpamWithoutTellingTheSender() throws Exception {
        Browserless reader = new Browserless(site.baseUrl());
        HttpResponse<String> form = openForm(reader, "es");
        String title = "Bot " + System.nanoTime();
        Map<String, String> fields = story(title, "Bot", "bot" + System.nanoTime() + "@example.org");
        fields.put("website", "http://spam.example");
        String status = statusPath(send(reader, form, fields, Map.of(), address()));
        assertThat(reader.get(status).body()).contains("Recibida, pendiente de lectura");
        Browserless editor = MediaLibraryIT.loggedIn("192.0.2.97");
        assertThat(editor.get("/backoffice/submission?id=" + submissionId(editor, title), "Accept-Language", "en").body())
                .contains("data-status=\"SPAM\"").contains("honeypot");
    }

    @Test
    void aFormSentTooQuicklyIsRefusedWithEverythingKept() throws Exception {
        Browserless reader = new Browserless(site.baseUrl());
        HttpResponse<String> form = reader.get("/de/submit");
        HttpResponse<String> fast = send(reader, form, story("Zu schnell", "Max", "max@example.org"), Map.of(), address());
        assertThat(fast.statusCode()).isEqualTo(200);
        assertThat(fast.body()).contains("etwas zu schnell gesendet").contains("value=\"Zu schnell\"");
    }

    @Test
    void naughtyStringsInEveryFieldAreStoredAndShownEscapedNeverA500() throws Exception {
        List<String> strings = BadInputIT.naughtyStrings();
        Browserless reader = new Browserless(site.baseUrl());
        Browserless editor = MediaLibraryIT.loggedIn("192.0.2.98");
        HttpResponse<String> form = openForm(reader, "pt");
        int stored = 0;
        for (int i = 0; i < strings.size(); i++) {
            String s = strings.get(i);
            Map<String, String> fields = new HashMap<>();
            for (String field : new String[] {"title", "summary", "story", "authorName", "bio", "category", "storyLanguage"}) {
                fields.put(field, s);
            }
            fields.put("email", s);
            fields.put("consent", "true");
            HttpResponse<String> refused = send(reader, form, fields, Map.of(), address());
            assertThat(refused.statusCode()).as("string %d with a bad e-mail", i).isEqualTo(200);
            assertSafe(refused.body(), s, i);

            fields.put("email", "naughty" + i + "-" + System.nanoTime() + "@example.org");
            fields.put("category", "");
            fields.put("storyLanguage", "pt");
            HttpResponse<String> sent = send(reader, form, fields, Map.of(), address());
            assertThat(sent.statusCode()).as("string %d", i).isIn(200, 302);
            if (sent.statusCode() == 200) {
                assertSafe(sent.body(), s, i);
                continue;
            }
            stored++;
            String status = reader.get(statusPath(sent)).body();
            assertSafe(status, s, i);
            if (i % 10 == 0) {
                Matcher id = Pattern.compile("submission\\?id=([0-9]+)\">").matcher(editor.get("/backoffice/submissions",
                        "Accept-Language", "en").body());
                assertThat(id.find()).isTrue();
                HttpResponse<String> detail = editor.get("/backoffice/submission?id=" + id.group(1), "Accept-Language", "en");
                assertThat(detail.statusCode()).as("detail of string %d", i).isEqualTo(200);
                assertSafe(detail.body(), s, i);
            }
        }
        assertThat(stored).isGreaterThan(strings.size() / 2);
    }

    private static void assertSafe(String page, String s, int i) {
        assertThat(page).as("string %d", i).doesNotContain("<script>alert(").doesNotContain("<img src=x")
                .doesNotContain("<IMG SRC=");
        String stripped = s.strip();
        if (!stripped.isEmpty() && stripped.matches("[\\p{L}\\p{N} .,!?-]+")) {
            assertThat(page).as("string %d shown back", i).contains(stripped);
        }
    }
}
