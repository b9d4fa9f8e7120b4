package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.testing.Browserless;
import org.scriptorium.web.common.Formats;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.PushServiceTestServer;
import org.scriptorium.testing.PushServiceTestServer.BrowserSubscription;
import org.scriptorium.testing.PushServiceTestServer.Received;
import org.scriptorium.testing.RunningSite;

/**
 * Push notifications against the running WAR and a real push service on the loopback interface
 * ({@link PushServiceTestServer}, which decrypts each message with the subscription's keys and verifies the
 * VAPID signature): the subscription endpoint and its cross-site protection, the service worker, a published
 * article reaching its language's subscribers once, a hand-written notification with its preview and counts,
 * removal of a subscription the push service calls gone, and delivery after the push service was down.
 */
class PushIT {

    private static final String TOKEN = "it-push-token-0123456789abcdef";
    private static PayaraProcess site;
    private static PushServiceTestServer pushService;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        site = RunningSite.get();
        pushService = PushServiceTestServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        pushService.close();
        withdrawPublished();
    }

    /** Editor pages of the articles these tests published; withdrawn afterwards, so other ITs see the demo counts. */
    private static final List<String> PUBLISHED = new java.util.concurrent.CopyOnWriteArrayList<>();

    static void withdrawPublished() throws Exception {
        Browserless editor = editor("192.0.2.96");
        for (String page : PUBLISHED) {
            HttpResponse<String> withdrawn = editor.submit(editor.get(page, "Accept-Language", "en"), "editor", Map.of(),
                    "unpublish", "Accept-Language", "en");
            assertThat(withdrawn.statusCode()).as("withdrawn " + page).isEqualTo(302);
        }
        PUBLISHED.clear();
    }

    private static HttpResponse<String> post(String path, String json, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What the prompt's script sends: same origin, JSON, and the token in both cookie and header. */
    private static HttpResponse<String> subscribe(BrowserSubscription s, String lang) throws Exception {
        String body = s.toJson().replaceFirst("\\}$", ",\"lang\":\"" + lang + "\",\"page\":\"/" + lang + "/\"}");
        return post("/push/subscription", body, "Origin", site.baseUrl(), "Content-Type", "application/json",
                "Cookie", "scriptorium_push_token=" + TOKEN, "X-Push-Token", TOKEN);
    }

    /** The administrator, logged in from the given client address; PushBrowserIT uses it too. */
    static Browserless editor(String address) throws Exception {
        Browserless b = new Browserless(RunningSite.get().baseUrl());
        HttpResponse<String> form = b.get("/backoffice/login", "Accept-Language", "en");
        HttpResponse<String> after = b.submit(form, "login", Map.of("email", RunningSite.ADMIN_EMAIL,
                "password", RunningSite.ADMIN_PASSWORD), "submit", "X-Forwarded-For", address);
        assertThat(after.statusCode()).isEqualTo(302);
        return b;
    }

    /** Writes and publishes a new article in a language; returns its slug. */
    static String publish(Browserless editor, String lang, String title, String excerpt) throws Exception {
        HttpResponse<String> blank = editor.get("/backoffice/article?lang=" + lang, "Accept-Language", "en");
        HttpResponse<String> saved = editor.submit(blank, "editor", Map.of("title", title, "excerpt", excerpt,
                "body", "<p>" + excerpt + "</p>"), "publish", "Accept-Language", "en");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        PUBLISHED.add(saved.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> edited = editor.get(saved.headers().firstValue("Location").orElseThrow(), "Accept-Language", "en");
        Matcher slug = Pattern.compile("id=\"view-on-site\" href=\"/" + lang + "/([^\"]+)\"").matcher(edited.body());
        assertThat(slug.find()).isTrue();
        return slug.group(1);
    }

    @Test
    void theServiceWorkerIsServedFromTheRootWithItsScope() throws Exception {
        HttpResponse<String> sw = new Browserless(site.baseUrl()).get("/sw.js");
        assertThat(sw.statusCode()).isEqualTo(200);
        assertThat(sw.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(sw.headers().firstValue("Service-Worker-Allowed")).contains("/");
        assertThat(sw.body()).contains("showNotification").contains("notificationclick");
        HttpResponse<String> prompt = new Browserless(site.baseUrl()).get("/push/prompt.js");
        assertThat(prompt.statusCode()).isEqualTo(200);
        HttpResponse<String> icon = new Browserless(site.baseUrl()).get("/push/icon.svg");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        assertThat(new Browserless(site.baseUrl()).get("/push/nothing.js").statusCode()).isEqualTo(404);
    }

    @Test
    void everyPublicPageCarriesThePromptInItsLanguageAndStaysCacheable() throws Exception {
        Browserless reader = new Browserless(site.baseUrl());
        HttpResponse<String> de = reader.get("/de/");
        assertThat(de.body()).contains("id=\"push-prompt\"").contains("Nein, danke")
                .contains("Benachrichtigungen ausschalten").containsPattern("data-key=\"[A-Za-z0-9_-]{87}\"")
                .contains("data-days=\"30\"");
        assertThat(reader.get("/de/").headers().firstValue("X-Scriptorium-Cache")).contains("HIT");
        assertThat(de.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(reader.get("/pt/").body()).contains("Não, obrigado");
    }

    @Test
    void subscribingFromAnotherSiteOrWithoutTheTokenIsRefused() throws Exception {
        BrowserSubscription s = pushService.subscribe();
        String body = s.toJson().replaceFirst("\\}$", ",\"lang\":\"it\"}");
        List<HttpResponse<String>> refused = List.of(
                post("/push/subscription", body, "Content-Type", "application/json",
                        "Cookie", "scriptorium_push_token=" + TOKEN, "X-Push-Token", TOKEN),
                post("/push/subscription", body, "Origin", "https://evil.example", "Content-Type", "application/json",
                        "Cookie", "scriptorium_push_token=" + TOKEN, "X-Push-Token", TOKEN),
                post("/push/subscription", body, "Origin", site.baseUrl(), "Content-Type", "application/json",
                        "X-Push-Token", TOKEN),
                post("/push/subscription", body, "Origin", site.baseUrl(), "Content-Type", "application/json",
                        "Cookie", "scriptorium_push_token=" + TOKEN, "X-Push-Token", TOKEN + "x"),
                post("/push/subscription", body, "Origin", site.baseUrl(), "Sec-Fetch-Site", "cross-site",
                        "Content-Type", "application/json", "Cookie", "scriptorium_push_token=" + TOKEN, "X-Push-Token", TOKEN));
        assertThat(refused).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(403));

        HttpResponse<String> badEndpoint = post("/push/subscription",
                body.replace(s.endpoint(), "https://collector.example/x").replace("\"it\"", "\"de\""),
                "Origin", site.baseUrl(), "Content-Type", "application/json",
                "Cookie", "scriptorium_push_token=" + TOKEN, "X-Push-Token", TOKEN);
        assertThat(badEndpoint.statusCode()).isEqualTo(400);
        assertThat(badEndpoint.body()).contains("Benachrichtigungsdienst");
        HttpResponse<String> notJson = post("/push/subscription", "endpoint=x", "Origin", site.baseUrl(),
                "Content-Type", "application/x-www-form-urlencoded", "Cookie", "scriptorium_push_token=" + TOKEN,
                "X-Push-Token", TOKEN);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(subscribe(s, "it").statusCode()).isEqualTo(201);
        assertThat(post("/push/unsubscribe", "{\"endpoint\":\"" + s.endpoint() + "\"}", "Origin", site.baseUrl(),
                "Content-Type", "application/json", "Cookie", "scriptorium_push_token=" + TOKEN, "X-Push-Token", TOKEN)
                .statusCode()).isEqualTo(204);
    }

    @Test
    void aPublishedArticleReachesTheSubscribersOfItsLanguageOnceAndAFixDoesNotNotifyAgain() throws Exception {
        BrowserSubscription italian = pushService.subscribe();
        BrowserSubscription english = pushService.subscribe();
        assertThat(subscribe(italian, "it").statusCode()).isEqualTo(201);
        assertThat(subscribe(english, "en").statusCode()).isEqualTo(201);
        Browserless editor = editor("192.0.2.91");
        String stamp = String.valueOf(System.nanoTime());
        String title = "Treni notturni " + stamp;
        String slug = publish(editor, "it", title, "Si torna a viaggiare dormendo.");

        awaitFor(italian, 1, Duration.ofSeconds(60));
        List<Received> got = pushService.receivedBy(italian);
        assertThat(got).singleElement().satisfies(r -> {
            assertThat(r.json().path("title").asText()).isEqualTo(title);
            assertThat(r.json().path("body").asText()).isEqualTo("Si torna a viaggiare dormendo.");
            assertThat(r.json().path("url").asText()).isEqualTo(site.baseUrl() + "/it/" + slug);
            assertThat(r.json().path("lang").asText()).isEqualTo("it");
            assertThat(r.json().path("icon").asText()).isEqualTo(site.baseUrl() + "/push/icon.svg");
        });
        assertThat(pushService.problems()).isEmpty();

        HttpResponse<String> open = editor.follow("/backoffice/articles?lang=it&q=" + stamp);
        Matcher edit = Pattern.compile("href=\"(/backoffice/article\\?id=\\d+&amp;lang=it)\"").matcher(open.body());
        assertThat(edit.find()).isTrue();
        HttpResponse<String> form = editor.get(edit.group(1).replace("&amp;", "&"), "Accept-Language", "en");
        HttpResponse<String> fixed = editor.submit(form, "editor", Map.of("title", title + " (corretto)"), "save",
                "Accept-Language", "en");
        assertThat(fixed.statusCode()).isEqualTo(302);
        Thread.sleep(12_000);
        assertThat(pushService.receivedBy(italian)).hasSize(1);
        assertThat(pushService.received().stream().filter(r -> r.json().path("title").asText().contains(stamp))
                .map(Received::subscriptionId)).doesNotContain(english.id());
    }

    @Test
    void aScheduledTranslationNotifiesWhenTheSchedulerPublishesItNotBefore() throws Exception {
        BrowserSubscription reader = pushService.subscribe();
        assertThat(subscribe(reader, "pt").statusCode()).isEqualTo(201);
        Browserless editor = editor("192.0.2.96");
        String title = "Comboios noturnos " + System.nanoTime();
        String at = LocalDateTime.now(Formats.SITE_ZONE).plusSeconds(40).truncatedTo(ChronoUnit.SECONDS).toString();
        HttpResponse<String> blank = editor.get("/backoffice/article?lang=pt", "Accept-Language", "en");
        HttpResponse<String> scheduled = editor.submit(blank, "editor", Map.of("title", title,
                "excerpt", "Viajar a dormir.", "body", "<p>Viajar a dormir.</p>", "publishAt", at), "schedule",
                "Accept-Language", "en");
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(302);
        assertThat(scheduled.headers().firstValue("Location").orElseThrow()).contains("saved=SCHEDULE");
        Thread.sleep(10_000);
        assertThat(pushService.receivedBy(reader)).as("nothing before the publication time").isEmpty();

        awaitFor(reader, 1, Duration.ofSeconds(120));
        assertThat(pushService.receivedBy(reader)).singleElement().satisfies(r -> {
            assertThat(r.json().path("title").asText()).isEqualTo(title);
            assertThat(r.json().path("lang").asText()).isEqualTo("pt");
            assertThat(r.json().path("url").asText()).startsWith(site.baseUrl() + "/pt/");
        });
        Thread.sleep(10_000);
        assertThat(pushService.receivedBy(reader)).as("the next timer runs send nothing more").hasSize(1);
    }

    @Test
    void editorsSendByHandAfterAPreviewAndSeeCountsGoneSubscriptionsAreRemoved() throws Exception {
        BrowserSubscription kept = pushService.subscribe();
        BrowserSubscription dropped = pushService.subscribe();
        BrowserSubscription broken = pushService.subscribe();
        assertThat(subscribe(kept, "es").statusCode()).isEqualTo(201);
        assertThat(subscribe(dropped, "es").statusCode()).isEqualTo(201);
        assertThat(subscribe(broken, "es").statusCode()).isEqualTo(201);
        pushService.drop(dropped);
        pushService.answer(broken, 400);
        Browserless editor = editor("192.0.2.92");

        HttpResponse<String> page = editor.get("/backoffice/push", "Accept-Language", "en");
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> refused = editor.submit(page, "compose", Map.of("language", "es", "title", " ",
                "body", "Esta noche <en directo>"), "preview", "Accept-Language", "en");
        assertThat(refused.body()).contains("This field is required.").contains("Esta noche &lt;en directo&gt;");
        String stamp = String.valueOf(System.nanoTime());
        HttpResponse<String> preview = editor.submit(refused, "compose", Map.of("language", "es",
                "title", "Edición especial " + stamp, "body", "Esta noche en directo.", "url", "/es/"), "preview",
                "Accept-Language", "en");
        assertThat(preview.body()).contains("id=\"push-preview\"").contains("Edición especial " + stamp)
                .containsPattern("It will go to \\d+ subscribers");
        HttpResponse<String> sent = editor.submit(preview, "compose", Map.of("language", "es",
                "title", "Edición especial " + stamp, "body", "Esta noche en directo.", "url", "/es/"), "send",
                "Accept-Language", "en");
        assertThat(sent.statusCode()).isEqualTo(302);

        awaitFor(kept, 1, Duration.ofSeconds(60));
        assertThat(pushService.receivedBy(kept)).singleElement().satisfies(r -> {
            assertThat(r.json().path("title").asText()).isEqualTo("Edición especial " + stamp);
            assertThat(r.json().path("url").asText()).isEqualTo(site.baseUrl() + "/es/");
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String row = "";
        while (System.nanoTime() < deadline) {
            String history = editor.get("/backoffice/push", "Accept-Language", "en").body();
            Matcher m = Pattern.compile("(?s)<tr data-message=\"\\d+\">(?:(?!</tr>).)*" + stamp + ".*?</tr>").matcher(history);
            row = m.find() ? m.group() : "";
            if (row.contains("data-count=\"recipients\">3<") && row.contains("data-count=\"pending\">0<")) {
                break;
            }
            Thread.sleep(1000);
        }
        assertThat(row).contains("data-count=\"recipients\">3<").contains("data-count=\"sent\">1<").contains("data-count=\"failed\">1<")
                .contains("data-count=\"removed\">1<").contains("data-count=\"pending\">0<");
        assertThat(subscribe(dropped, "es").statusCode()).as("a removed browser may subscribe again").isEqualTo(201);
    }

    @Test
    void aPublicationWhileThePushServiceIsDownIsDeliveredOnceItIsBack() throws Exception {
        try (PushServiceTestServer flaky = PushServiceTestServer.start()) {
            BrowserSubscription reader = flaky.subscribe();
            assertThat(subscribe(reader, "fr").statusCode()).isEqualTo(201);
            flaky.stop();
            Browserless editor = editor("192.0.2.93");
            String stamp = String.valueOf(System.nanoTime());
            publish(editor, "fr", "Trains de nuit " + stamp, "Voyager en dormant.");
            Thread.sleep(12_000);
            assertThat(flaky.received()).isEmpty();
            flaky.restart();
            List<Received> got = flaky.await(1, Duration.ofSeconds(90));
            assertThat(got).hasSize(1);
            Thread.sleep(10_000);
            assertThat(flaky.receivedBy(reader)).singleElement()
                    .satisfies(r -> assertThat(r.json().path("title").asText()).isEqualTo("Trains de nuit " + stamp));
            assertThat(flaky.problems()).isEmpty();
        }
    }

    @Test
    void administratorsSetHowLongANoThanksLastsAndThePublicPagesFollowAtOnce() throws Exception {
        Browserless admin = editor("192.0.2.94");
        Browserless reader = new Browserless(site.baseUrl());
        assertThat(reader.get("/fr/").body()).contains("data-days=\"30\"");
        HttpResponse<String> page = admin.get("/backoffice/push/settings", "Accept-Language", "en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Notification settings").contains("value=\"30\"");
        try {
            for (String bad : List.of("three", "0", "366", "-5", "", "7.5")) {
                HttpResponse<String> refused = admin.submit(page, "settings", Map.of("declineDays", bad), "save",
                        "Accept-Language", "en");
                assertThat(refused.statusCode()).as(bad).isEqualTo(200);
                assertThat(refused.body()).as(bad).contains("Enter a number of days from 1 to 365.")
                        .contains("value=\"" + bad + "\"");
            }
            assertThat(reader.get("/fr/").body()).as("nothing stored").contains("data-days=\"30\"");

            HttpResponse<String> saved = admin.submit(page, "settings", Map.of("declineDays", " 7 "), "save",
                    "Accept-Language", "en");
            assertThat(saved.statusCode()).isEqualTo(302);
            HttpResponse<String> after = admin.follow(saved.headers().firstValue("Location").orElseThrow());
            assertThat(after.body()).contains("id=\"saved\"").contains("value=\"7\"");
            assertThat(reader.get("/fr/").body()).as("the cached page was dropped").contains("data-days=\"7\"");
            assertThat(reader.get("/it/").body()).contains("data-days=\"7\"");
        } finally {
            HttpResponse<String> reset = admin.submit(admin.get("/backoffice/push/settings", "Accept-Language", "en"),
                    "settings", Map.of("declineDays", "30"), "save", "Accept-Language", "en");
            assertThat(reset.statusCode()).isEqualTo(302);
        }
        assertThat(reader.get("/fr/").body()).contains("data-days=\"30\"");
    }

    private static void awaitFor(BrowserSubscription s, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pushService.receivedBy(s).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }
}
