package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.scriptorium.testing.BrowserSession;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.MailTesting;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The newsletter on the real WAR, with its own Payara Micro (port {@code scriptorium.it.port + 1}) sending to
 * GreenMail: a French signup from an article page in Chromium, confirmed from the e-mail's link; the RFC 8058
 * one-click POST without cookies; and an edition whose Payara is killed with SIGKILL mid-send and restarted,
 * after which every recipient has exactly one message; a reply to the {@code List-Unsubscribe} mailto, read from
 * GreenMail's IMAP mailbox by the site's timer, unsubscribes and a forged one does not.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NewsletterIT {

    private static final Pattern CONFIRM = Pattern.compile("(http://localhost:\\d+/[a-z]{2}/newsletter/confirm\\?token=[^\\s\"<]+)");
    private static final String MAILBOX = "letters@example.org";
    private static final String MAILBOX_PASSWORD = "mailbox secret";
    private static GreenMail smtp;
    private static PayaraProcess site;
    private static Map<String, String> env;
    private static Path dir;
    private static int port;
    private static String unsubscribed;
    private static String killedEdition;

    @BeforeAll
    static void start() throws Exception {
        smtp = new GreenMail(new ServerSetup[] {new ServerSetup(MailTesting.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(MailTesting.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        smtp.start();
        smtp.setUser(MAILBOX, "letters", MAILBOX_PASSWORD);
        port = Integer.getInteger("scriptorium.it.port", 18080) + 1;
        dir = Path.of(System.getProperty("scriptorium.it.dir", "target/it"), "newsletter-" + System.currentTimeMillis());
        env = new HashMap<>();
        env.put("SCRIPTORIUM_DATA_DIR", dir.resolve("data").toString());
        env.put("SCRIPTORIUM_BASE_URL", "http://localhost:" + port);
        env.put("SCRIPTORIUM_ADMIN_EMAIL", RunningSite.ADMIN_EMAIL);
        env.put("SCRIPTORIUM_ADMIN_PASSWORD", RunningSite.ADMIN_PASSWORD);
        env.put("SCRIPTORIUM_TRUSTED_PROXIES", "127.0.0.1,0:0:0:0:0:0:0:1");
        env.put("SCRIPTORIUM_SMTP_HOST", "127.0.0.1");
        env.put("SCRIPTORIUM_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()));
        env.put("SCRIPTORIUM_SMTP_TLS", "none");
        env.put("SCRIPTORIUM_MAIL_FROM", MAILBOX);
        env.put("SCRIPTORIUM_UNSUBSCRIBE_IMAP_HOST", "127.0.0.1");
        env.put("SCRIPTORIUM_UNSUBSCRIBE_IMAP_PORT", String.valueOf(smtp.getImap().getPort()));
        env.put("SCRIPTORIUM_UNSUBSCRIBE_IMAP_USER", "letters");
        env.put("SCRIPTORIUM_UNSUBSCRIBE_IMAP_PASSWORD", MAILBOX_PASSWORD);
        env.put("SCRIPTORIUM_UNSUBSCRIBE_IMAP_TLS", "none");
        env.put("SCRIPTORIUM_UNSUBSCRIBE_IMAP_POLL_SECONDS", "2");
        env.putAll(RunningSite.databaseEnvironment());
        site = boot();
    }

    private static PayaraProcess boot() throws Exception {
        PayaraProcess p = PayaraProcess.start(port, env, dir);
        try {
            return p.awaitReady(Duration.ofSeconds(900));
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (site != null) {
            site.close();
        }
        smtp.stop();
    }

    private static String text(MimeMessage m) throws Exception {
        return (String) ((Multipart) m.getContent()).getBodyPart(0).getContent();
    }

    private static List<MimeMessage> to(String address) throws Exception {
        List<MimeMessage> out = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                out.add(m);
            }
        }
        return out;
    }

    private static MimeMessage await(String address, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> got = to(address);
            if (got.size() >= count) {
                return got.get(count - 1);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No message " + count + " for " + address);
    }

    private static String confirmLink(MimeMessage m) throws Exception {
        Matcher link = CONFIRM.matcher(text(m));
        assertThat(link.find()).as(text(m)).isTrue();
        return link.group(1);
    }

    private static String frenchArticle(Browserless b) throws Exception {
        String home = b.get("/fr/").body();
        Matcher m = Pattern.compile("href=\"(/fr/[a-z0-9-]{8,})\"").matcher(home);
        while (m.find()) {
            if (!m.group(1).startsWith("/fr/category") && !m.group(1).startsWith("/fr/tag") && !m.group(1).startsWith("/fr/author")
                    && !m.group(1).startsWith("/fr/feed") && !m.group(1).startsWith("/fr/newsletter")) {
                return m.group(1);
            }
        }
        throw new AssertionError("No French article on the home page");
    }

    @Test
    @Order(1)
    void aFrenchReaderSignsUpFromAnArticleConfirmsFromTheEmailAndSeesTheFrenchConfirmation() throws Exception {
        String article = frenchArticle(new Browserless(site.baseUrl()));
        String email = "lectrice-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        try (BrowserSession browser = BrowserSession.open("fr-FR,fr")) {
            WebDriver d = browser.driver();
            d.get(site.baseUrl() + article);
            d.findElement(By.id("newsletter-box-email")).sendKeys(email);
            d.findElement(By.id("newsletter-box-consent")).click();
            d.findElement(By.id("newsletter-box-submit")).click();
            new WebDriverWait(d, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(By.id("newsletter-accepted")));
            assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");

            MimeMessage confirmation = await(email, 1);
            assertThat(confirmation.getSubject()).isEqualTo("Confirmez votre abonnement à notre lettre d’information");
            d.get(confirmLink(confirmation));
            new WebDriverWait(d, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(By.id("newsletter-confirmed")));
            assertThat(d.findElement(By.id("newsletter-confirmed")).getText()).isEqualTo("Abonnement confirmé");
            assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
            d.get(confirmLink(confirmation));
            assertThat(d.findElements(By.id("newsletter-not-confirmed"))).as("the link works once").hasSize(1);
        }
    }

    @Test
    @Order(2)
    void theSignupAnswerRevealsNothingAndTheOneClickPostUnsubscribesWithoutCookies() throws Exception {
        String email = "reader-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        unsubscribed = email;
        Browserless b = new Browserless(site.baseUrl());
        HttpResponse<String> form = b.get("/en/newsletter");
        HttpResponse<String> first = b.submit(form, "newsletter", Map.of("=email", email, "=language", "en", "=consent", "yes", "=from", "/en/"), "x");
        assertThat(first.body()).contains("id=\"newsletter-accepted\"");
        b.get(confirmLink(await(email, 1)).replace(site.baseUrl(), ""));
        HttpResponse<String> again = b.submit(form, "newsletter", Map.of("=email", email, "=language", "en", "=consent", "yes", "=from", "/en/"), "x");
        assertThat(again.body()).as("the same answer for a known address").contains("id=\"newsletter-accepted\"");

        HttpResponse<String> bad = b.submit(form, "newsletter", Map.of("=email", "not-an-address", "=language", "en", "=from", "/en/"), "x");
        assertThat(bad.body()).contains("id=\"newsletter-error\"").contains("value=\"not-an-address\"");

        MimeMessage note = await(email, 2);
        String header = note.getHeader("List-Unsubscribe")[0];
        assertThat(note.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        Matcher url = Pattern.compile("<(http[^>]+/newsletter/unsubscribe\\?token=[^>]+)>").matcher(header.replaceAll("\\s+", ""));
        assertThat(url.find()).as(header).isTrue();
        HttpClient bare = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> post = bare.send(HttpRequest.newBuilder(URI.create(url.group(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(post.headers().firstValue("Set-Cookie")).isEmpty();
        String token = URLDecoder.decode(url.group(1).substring(url.group(1).indexOf("token=") + 6), StandardCharsets.UTF_8);
        String prefs = b.get("/en/newsletter/preferences?token=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8)).body();
        assertThat(prefs).contains("You do not receive the newsletter at the moment.");
        HttpResponse<String> forged = bare.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + "/newsletter/unsubscribe?token=m.1.forged"))
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(404);
    }

    private static Browserless admin() throws Exception {
        Browserless b = new Browserless(site.baseUrl());
        b.submit(b.get("/backoffice/login", "Accept-Language", "en"), "login",
                Map.of("email", RunningSite.ADMIN_EMAIL, "password", RunningSite.ADMIN_PASSWORD), "submit", "X-Forwarded-For", "192.0.2.88");
        return b;
    }

    private static String viewState(String html, String formId) {
        Matcher form = Pattern.compile("<form id=\"" + formId + "\".*?</form>", Pattern.DOTALL).matcher(html);
        assertThat(form.find()).isTrue();
        Matcher vs = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"").matcher(form.group());
        assertThat(vs.find()).isTrue();
        return vs.group(1).replace("&amp;", "&");
    }

    /** Uploads a CSV through the import form (multipart), with consent already obtained. */
    private static String importCsv(Browserless b, String csv) throws Exception {
        String page = b.get("/backoffice/newsletter", "Accept-Language", "en").body();
        String boundary = "----scriptorium" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> fields = Map.of("import", "import", "import:consent", "on", "import:language", "it",
                "import:submit", "Import", "jakarta.faces.ViewState", viewState(page, "import"));
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"import:file\"; filename=\"list.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Matcher action = Pattern.compile("<form id=\"import\"[^>]*action=\"([^\"]*)\"").matcher(page);
        assertThat(action.find()).isTrue();
        return b.postRaw(action.group(1).replace("&amp;", "&"), "multipart/form-data; boundary=" + boundary, body.toByteArray()).body();
    }

    @Test
    @Order(3)
    void aSendKilledMidWayAndRestartedDeliversExactlyOneMessagePerRecipientInTheirLanguage() throws Exception {
        Browserless b = admin();
        StringBuilder csv = new StringBuilder("email,language\n");
        List<String> languages = List.of("it", "de", "pt");
        int perLanguage = 200;
        Set<String> recipients = new HashSet<>();
        for (String lang : languages) {
            for (int i = 0; i < perLanguage; i++) {
                String address = "k" + i + "." + lang + "@example.org";
                csv.append(address).append(',').append(lang).append('\n');
                recipients.add(address);
            }
        }
        assertThat(importCsv(b, csv.toString())).as("the import's report (in the default language)").contains(": 600 ");

        HttpResponse<String> settings = b.get("/backoffice/newsletter/editions", "Accept-Language", "en");
        b.submit(settings, "settings", Map.of("rate", "15", "missing", "OMIT"), "save", "Accept-Language", "en");

        HttpResponse<String> editor = b.get("/backoffice/newsletter/edition", "Accept-Language", "en");
        Matcher articles = Pattern.compile("name=\"edition:articles\"[^>]*value=\"(\\d+)\"").matcher(editor.body());
        assertThat(articles.find()).isTrue();
        HttpResponse<String> saved = b.submit(editor, "edition", Map.of("title", "Kill test", "mode", "picked", "articles", articles.group(1)),
                "save", "Accept-Language", "en");
        String location = saved.headers().firstValue("Location").orElseThrow();
        killedEdition = location;
        HttpResponse<String> edition = b.get(location, "Accept-Language", "en");
        assertThat(edition.body()).contains("Kill test");
        smtp.purgeEmailFromAllMailboxes();
        HttpResponse<String> started = b.submit(edition, "edition", Map.of(), "sendNow", "Accept-Language", "en");
        assertThat(started.statusCode()).isEqualTo(302);

        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (uniqueRecipients(recipients) < 150 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        int beforeKill = uniqueRecipients(recipients);
        assertThat(site.log()).as("the job that \"send now\" started ran from its first chunk")
                .doesNotContain("Failure in Read-Process-Write Loop");
        assertThat(beforeKill).as("messages before the kill").isBetween(150, 599);
        site.kill();
        site = boot();

        deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
        while (uniqueRecipients(recipients) < recipients.size() && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        Thread.sleep(3000);
        assertThat(site.log()).as("the job the restarted site's timer started").doesNotContain("Failure in Read-Process-Write Loop");
        Map<String, Integer> raw = new HashMap<>();
        Map<String, Set<String>> ids = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String to = m.getAllRecipients()[0].toString();
            if (!recipients.contains(to)) {
                continue;
            }
            raw.merge(to, 1, Integer::sum);
            ids.computeIfAbsent(to, k -> new HashSet<>()).add(m.getMessageID());
            String lang = to.substring(to.indexOf('.') + 1, to.indexOf('@'));
            assertThat(m.getHeader("Content-Language")[0]).isEqualTo(lang);
        }
        assertThat(raw.keySet()).as("missed recipients; what the site says of the send: %s", sendDiagnosis(b))
                .containsExactlyInAnyOrderElementsOf(recipients);
        assertThat(ids).as("one distinct message per recipient").allSatisfy((to, set) -> assertThat(set).hasSize(1));
        long duplicates = raw.values().stream().filter(n -> n > 1).count();
        assertThat(duplicates).as("copies re-sent because the kill hit between the server's acceptance and the record").isLessThanOrEqualTo(1);
        assertThat(jobExecutions()).as("newsletter-send executions in the job repository under the data directory,"
                + " the one cut by the kill included").isGreaterThanOrEqualTo(2);
        Matcher root = Pattern.compile("Runtime directory is located at (\\S+)").matcher(site.log());
        assertThat(root.find()).isTrue();
        assertThat(Path.of(root.group(1), "lib", "databases", "embedded_default.mv.db"))
                .as("Payara's own temporary job repository").doesNotExist();
        System.out.println("NewsletterIT: " + beforeKill + " sent before kill -9, " + raw.size() + " recipients after restart, "
                + duplicates + " duplicate(s)");
    }

    /**
     * What the back office and the restarted site's log say of the killed edition's send, for the message of a
     * failure: the progress line, the launches of the sending job, and every warning or error of the batch
     * runtime or of the site's own code.
     */
    private static String sendDiagnosis(Browserless b) throws Exception {
        StringBuilder out = new StringBuilder();
        Matcher progress = Pattern.compile("<span id=\"progress-text\">([^<]*)</span>")
                .matcher(b.get(killedEdition, "Accept-Language", "en").body());
        out.append("\nprogress: ").append(progress.find() ? progress.group(1) : "(not on the page)");
        site.log().lines()
                .filter(l -> l.contains("Sending edition") || ((l.contains("SEVERE") || l.contains("WARNING"))
                        && (l.contains("scriptorium") || l.contains("batch") || l.contains("Batch"))))
                .limit(40)
                .forEach(l -> out.append("\n").append(l, 0, Math.min(l.length(), 600)));
        return out.toString();
    }

    /** Reads Payara's job repository, which the site keeps in {@code <data dir>/batch}, while the site runs. */
    private static int jobExecutions() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("data").resolve("batch").resolve("jbatch").toAbsolutePath()
                + ";AUTO_SERVER=TRUE;IFEXISTS=TRUE";
        try (Connection c = DriverManager.getConnection(url, "", "");
             Statement s = c.createStatement()) {
            ResultSet table = s.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE UPPER(TABLE_NAME) LIKE '%EXECUTIONINSTANCEDATA'");
            assertThat(table.next()).as("the executions table").isTrue();
            String name = "\"" + table.getString(1) + "\".\"" + table.getString(2) + "\"";
            ResultSet count = s.executeQuery("SELECT COUNT(*) FROM " + name);
            count.next();
            return count.getInt(1);
        }
    }

    @Test
    @Order(4)
    void theBackOfficeShowsProgressPreviewsPerLanguageSendsATestSchedulesAndFiltersSubscribers() throws Exception {
        Browserless b = admin();
        String id = killedEdition.replaceAll(".*[?&]id=(\\d+).*", "$1");
        String page = "/backoffice/newsletter/edition?id=" + id;

        String sent = b.get(page, "Accept-Language", "en").body();
        assertThat(sent).contains("data-status=\"SENT\"").contains("id=\"progress\" max=\"100\" value=\"100\"");
        assertThat(b.get(page + "&preview=de", "Accept-Language", "en").body()).as("the German preview")
                .contains("Das haben wir seit dem letzten Newsletter").doesNotContain("Esto es lo que hemos publicado");
        assertThat(b.get(page + "&preview=es", "Accept-Language", "en").body()).as("the Spanish preview")
                .contains("Esto es lo que hemos publicado").doesNotContain("Das haben wir seit dem letzten Newsletter");

        smtp.purgeEmailFromAllMailboxes();
        String answer = b.submit(b.get(page, "Accept-Language", "en"), "edition", Map.of("testLanguage", "pt"), "sendTest",
                "Accept-Language", "en").body();
        assertThat(answer).contains(RunningSite.ADMIN_EMAIL);
        MimeMessage test = await(RunningSite.ADMIN_EMAIL, 1);
        assertThat(test.getHeader("Content-Language")[0]).isEqualTo("pt");
        assertThat(text(test)).contains("Eis o que publicámos");

        HttpResponse<String> editor = b.get("/backoffice/newsletter/edition", "Accept-Language", "en");
        Matcher articles = Pattern.compile("name=\"edition:articles\"[^>]*value=\"(\\d+)\"").matcher(editor.body());
        assertThat(articles.find()).isTrue();
        String scheduled = b.submit(editor, "edition", Map.of("title", "Scheduled test", "mode", "picked", "articles", articles.group(1)),
                "save", "Accept-Language", "en").headers().firstValue("Location").orElseThrow();
        String refused = b.submit(b.get(scheduled, "Accept-Language", "en"), "edition", Map.of("scheduleAt", "tomorrow"), "schedule",
                "Accept-Language", "en").body();
        assertThat(refused).as("a time that is not one is refused, and kept").contains("value=\"tomorrow\"").contains("bo-error");

        String later = java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Rome")).plusHours(3)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
        b.submit(b.get(scheduled, "Accept-Language", "en"), "edition", Map.of("scheduleAt", later), "schedule", "Accept-Language", "en");
        assertThat(b.get(scheduled, "Accept-Language", "en").body()).contains("data-status=\"SCHEDULED\"");
        b.submit(b.get(scheduled, "Accept-Language", "en"), "edition", Map.of(), "unschedule", "Accept-Language", "en");
        assertThat(b.get(scheduled, "Accept-Language", "en").body()).as("unscheduled").doesNotContain("data-status=\"SCHEDULED\"");

        // Twenty seconds ahead, to the second (the field takes seconds too): still in the future when the form
        // reaches the site on a slow machine, and soon enough for the timer's next rounds.
        String soon = java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Rome")).plusSeconds(20)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        b.submit(b.get(scheduled, "Accept-Language", "en"), "edition", Map.of("scheduleAt", soon), "schedule", "Accept-Language", "en");
        assertThat(b.get(scheduled, "Accept-Language", "en").body()).as("scheduled soon").contains("data-status=\"SCHEDULED\"");
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        String status = "SCHEDULED";
        while ("SCHEDULED".equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(2000);
            Matcher m = Pattern.compile("data-status=\"([A-Z]+)\"").matcher(b.get(scheduled, "Accept-Language", "en").body());
            status = m.find() ? m.group(1) : "?";
        }
        assertThat(status).as("the timer starts a scheduled edition when its time comes").isIn("SENDING", "SENT");

        String german = b.get("/backoffice/newsletter?lang=de&q=k7.de", "Accept-Language", "en").body();
        assertThat(german).contains("k7.de@example.org").doesNotContain("k7.pt@example.org").contains("One subscriber matches.");
        assertThat(b.get("/backoffice/newsletter?lang=pt", "Accept-Language", "en").body()).contains("200 subscribers match.");
        String left = b.get("/backoffice/newsletter?status=UNSUBSCRIBED", "Accept-Language", "en").body();
        assertThat(left).contains(unsubscribed).doesNotContain("k7.de@example.org");
        assertThat(b.get("/backoffice/newsletter", "Accept-Language", "en").body()).as("the chart has a line per language")
                .contains("data-language=\"de\"").contains("data-language=\"pt\"").contains("data-language=\"it\"");
    }

    @Test
    @Order(5)
    void aMessageToTheListUnsubscribeMailtoUnsubscribesThroughTheMailboxAndAForgedOneDoesNot() throws Exception {
        String email = "mailer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Browserless b = new Browserless(site.baseUrl());
        HttpResponse<String> form = b.get("/en/newsletter");
        b.submit(form, "newsletter", Map.of("=email", email, "=language", "en", "=consent", "yes", "=from", "/en/"), "x");
        b.get(confirmLink(await(email, 1)).replace(site.baseUrl(), ""));
        b.submit(form, "newsletter", Map.of("=email", email, "=language", "en", "=consent", "yes", "=from", "/en/"), "x");
        String header = await(email, 2).getHeader("List-Unsubscribe")[0].replaceAll("\\s+", "");
        Matcher mailto = Pattern.compile("<mailto:([^?>]+)\\?subject=([^>]+)>").matcher(header);
        assertThat(mailto.find()).as(header).isTrue();
        assertThat(mailto.group(1)).isEqualTo(MAILBOX);
        String subject = URLDecoder.decode(mailto.group(2), StandardCharsets.UTF_8);

        Browserless admin = admin();
        int leftBefore = matches(admin.get("/backoffice/newsletter?status=UNSUBSCRIBED", "Accept-Language", "en").body());
        for (int id = 1; id <= 5; id++) {
            GreenMailUtil.sendTextEmail(MAILBOX, "mallory@example.net", "unsubscribe m." + id + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "",
                    smtp.getSmtp().getServerSetup());
        }
        GreenMailUtil.sendTextEmail(MAILBOX, email, subject, "", smtp.getSmtp().getServerSetup());
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String left = "";
        while (!left.contains(email) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            left = admin.get("/backoffice/newsletter?status=UNSUBSCRIBED&q=mailer-", "Accept-Language", "en").body();
        }
        assertThat(left).as("unsubscribed by the mailbox poll").contains(email);
        assertThat(matches(admin.get("/backoffice/newsletter?status=UNSUBSCRIBED", "Accept-Language", "en").body()))
                .as("the forged requests changed nothing").isEqualTo(leftBefore + 1);
        deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (inbox() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(inbox()).as("every request removed from the mailbox, so each is handled once").isZero();
    }

    /** The number of subscribers a back-office subscriber list says match. */
    private static int matches(String html) {
        if (html.contains("One subscriber matches.")) {
            return 1;
        }
        Matcher n = Pattern.compile("([0-9][0-9,.]*) subscribers match\\.").matcher(html);
        assertThat(n.find()).as("a count of subscribers").isTrue();
        return Integer.parseInt(n.group(1).replaceAll("[,.]", ""));
    }

    private static int inbox() throws Exception {
        return smtp.getManagers().getImapHostManager().getInbox(smtp.getManagers().getUserManager().getUser("letters")).getMessageCount();
    }

    private static int uniqueRecipients(Set<String> among) throws Exception {
        Set<String> seen = new HashSet<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String to = m.getAllRecipients()[0].toString();
            if (among.contains(to)) {
                seen.add(to);
            }
        }
        return seen.size();
    }
}
