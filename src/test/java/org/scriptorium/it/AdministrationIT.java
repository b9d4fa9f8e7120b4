package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.MailTesting;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;

import com.icegreen.greenmail.util.GreenMail;

/**
 * The administration pages on the running WAR: structure (categories, tags, authors), users (create, invite,
 * deactivate, password reset by e-mail), settings taking effect without a restart, the dashboard, the audit
 * log, each user's back-office language and the CSRF rules.
 */
class AdministrationIT {

    private static PayaraProcess site;
    private static final long RUN = System.currentTimeMillis() % 100_000;

    @BeforeAll
    static void start() {
        site = RunningSite.get();
    }

    private static Browserless admin(String address) throws Exception {
        return AdminSteps.login(site, RunningSite.ADMIN_EMAIL, RunningSite.ADMIN_PASSWORD, address);
    }

    private static Browserless anonymous() {
        return new Browserless(site.baseUrl());
    }

    private static String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElseThrow(() -> new AssertionError(r.statusCode() + " " + r.body()));
    }

    @Test
    void categoriesAreCreatedRenamedAndRefusedWithClearMessagesKeepingTheInput() throws Exception {
        Browserless b = admin("192.0.2.201");
        HttpResponse<String> form = b.get("/backoffice/category", "Accept-Language", "en");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("for=\"category:name_it\"").contains("for=\"category:parent\"");
        String slug = "amministrazione-" + RUN;
        HttpResponse<String> saved = b.submit(form, "category", Map.of("name_it", "Amministrazione " + RUN, "slug_it", slug,
                "description_it", "Tutto sulla gestione", "name_en", "Administration " + RUN), "save", "Accept-Language", "en");
        String edit = location(saved);
        assertThat(edit).contains("saved=1");
        String id = edit.replaceAll(".*id=(\\d+).*", "$1");
        HttpResponse<String> page = anonymous().get("/it/category/" + slug);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Amministrazione " + RUN);

        HttpResponse<String> clash = b.submit(b.get("/backoffice/category", "Accept-Language", "en"), "category",
                Map.of("name_it", "Doppione <b>" + RUN + "</b>", "slug_it", slug), "save", "Accept-Language", "en");
        assertThat(clash.statusCode()).isEqualTo(200);
        assertThat(clash.body()).contains("This address is already used by another one in this language.")
                .contains("value=\"Doppione &lt;b&gt;" + RUN + "&lt;/b&gt;\"").contains("id=\"slug-error-it\"");

        HttpResponse<String> child = b.submit(b.get("/backoffice/category?parent=" + id, "Accept-Language", "en"), "category",
                Map.of("name_it", "Figlia " + RUN, "parent", id), "save", "Accept-Language", "en");
        String childId = location(child).replaceAll(".*id=(\\d+).*", "$1");
        assertThat(anonymous().get("/it/category/" + slug + "/figlia-" + RUN).statusCode()).isEqualTo(200);

        HttpResponse<String> cycle = b.submit(b.get("/backoffice/category?id=" + id, "Accept-Language", "en"), "category",
                Map.of("parent", childId), "save", "Accept-Language", "en");
        assertThat(cycle.body()).contains("A category cannot be placed under itself or under one of its own subcategories.")
                .contains("id=\"parent-error\"");

        HttpResponse<String> renamed = b.submit(b.get("/backoffice/category?id=" + id, "Accept-Language", "en"), "category",
                Map.of("slug_it", slug + "-nuova"), "save", "Accept-Language", "en");
        assertThat(renamed.statusCode()).isEqualTo(302);
        HttpResponse<String> old = anonymous().get("/it/category/" + slug);
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(location(old)).endsWith("/it/category/" + slug + "-nuova");

        String tree = b.get("/backoffice/categories", "Accept-Language", "en").body();
        assertThat(tree).contains("data-category=\"" + childId + "\" data-depth=\"1\"");
        assertThat(b.get("/backoffice/audit?action=category.update", "Accept-Language", "en").body())
                .contains("category:" + id).contains(RunningSite.ADMIN_EMAIL);
    }

    @Test
    void tagsAndAuthorProfilesShowOnThePublicPages() throws Exception {
        Browserless b = admin("192.0.2.202");
        HttpResponse<String> tag = b.submit(b.get("/backoffice/tag", "Accept-Language", "en"), "tag",
                Map.of("name_it", "Etichetta " + RUN, "name_de", "Etikett " + RUN), "save", "Accept-Language", "en");
        assertThat(location(tag)).contains("saved=1");
        assertThat(b.get("/backoffice/tags", "Accept-Language", "it").body()).contains("Etichetta " + RUN);
        HttpResponse<String> again = b.submit(b.get("/backoffice/tag", "Accept-Language", "de"), "tag",
                Map.of("name_de", "Anders", "slug_de", "etikett-" + RUN), "save", "Accept-Language", "de");
        assertThat(again.body()).contains("Diese Adresse wird in dieser Sprache bereits verwendet.").contains("value=\"Anders\"");

        Matcher author = Pattern.compile("href=\"/it/author/([a-z0-9-]+)\"").matcher(anonymous().get("/it/").body());
        assertThat(author.find()).isTrue();
        String slug = author.group(1);
        String authors = b.get("/backoffice/authors", "Accept-Language", "en").body();
        Matcher row = Pattern.compile("data-author=\"" + slug + "\">\\s*<th scope=\"row\"><a href=\"[^\"]*author\\?id=(\\d+)\"")
                .matcher(authors);
        assertThat(row.find()).as(authors).isTrue();
        HttpResponse<String> editor = b.get("/backoffice/author?id=" + row.group(1), "Accept-Language", "en");
        HttpResponse<String> badPhoto = b.submit(editor, "author", Map.of("photo", "../../etc/passwd"), "save",
                "Accept-Language", "en");
        assertThat(badPhoto.statusCode()).isEqualTo(200);
        HttpResponse<String> saved = b.submit(b.get("/backoffice/author?id=" + row.group(1), "Accept-Language", "en"), "author",
                Map.of("bio_it", "Scrive di tecnologia dal " + RUN + "."), "save", "Accept-Language", "en");
        assertThat(location(saved)).contains("saved=1");
        assertThat(anonymous().get("/it/author/" + slug).body()).contains("Scrive di tecnologia dal " + RUN + ".");
    }

    @Test
    void aUserIsRefusedWithMessagesThenCreatedAndDeactivationEndsTheirSession() throws Exception {
        Browserless b = admin("192.0.2.203");
        HttpResponse<String> bad = b.submit(b.get("/backoffice/user", "Accept-Language", "en"), "user",
                Map.of("email", "not an address", "name", "Quirin Q" + RUN, "roles", "AUTHOR"), "save", "Accept-Language", "en");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("Enter a valid e-mail address.").contains("value=\"Quirin Q" + RUN + "\"")
                .contains("value=\"not an address\"");
        HttpResponse<String> noRole = b.submit(b.get("/backoffice/user", "Accept-Language", "fr"), "user",
                Map.of("email", "q" + RUN + "@scriptorium.test", "name", "Quirin"), "save", "Accept-Language", "fr");
        assertThat(noRole.body()).contains("Choisissez au moins un rôle.");

        String email = "dora-" + RUN + "@scriptorium.test";
        String userPage = AdminSteps.createUser(b, email, "Dora " + RUN, Role.EDITOR, "dora password 123");
        Browserless dora = AdminSteps.login(site, email, "dora password 123", "192.0.2.204");
        assertThat(dora.get("/backoffice/categories").statusCode()).isEqualTo(200);

        HttpResponse<String> edit = b.get(userPage, "Accept-Language", "en");
        HttpResponse<String> off = b.submit(edit, "user", Map.of("name", "Dora " + RUN, "roles", "EDITOR"), "save",
                "Accept-Language", "en");
        assertThat(location(off)).contains("saved=updated");
        assertThat(b.get(location(off), "Accept-Language", "en").body()).doesNotContain("checked=\"checked\" id=\"user:active\"");

        HttpResponse<String> kicked = dora.get("/backoffice/categories");
        assertThat(kicked.statusCode()).isEqualTo(302);
        assertThat(location(kicked)).endsWith("/backoffice/login");
        Browserless retry = anonymous();
        HttpResponse<String> denied = retry.submit(retry.get("/backoffice/login", "Accept-Language", "en"), "login",
                Map.of("email", email, "password", "dora password 123"), "submit", "Accept-Language", "en",
                "X-Forwarded-For", "192.0.2.205");
        assertThat(denied.body()).contains("Wrong e-mail or password.");
        assertThat(b.get("/backoffice/audit?action=user.deactivate", "Accept-Language", "en").body()).contains(email);
    }

    @Test
    void invitationAndPasswordResetArriveByMailWorkOnceAndNeverRevealAnAccount() throws Exception {
        Browserless b = admin("192.0.2.206");
        GreenMail smtp = MailTesting.greenMail();
        try {
            HttpResponse<String> mailPage = b.get("/backoffice/mail/settings", "Accept-Language", "en");
            assertThat(b.submit(mailPage, "mail", Map.of("host", "127.0.0.1", "port", String.valueOf(smtp.getSmtp().getPort()),
                    "tls", "NONE", "from", "desk@example.org", "user", "", "password", ""), "save", "Accept-Language", "en")
                    .statusCode()).isEqualTo(302);

            String email = "ines-" + RUN + "@scriptorium.test";
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("email", email);
            fields.put("name", "Inès " + RUN);
            fields.put("roles", "AUTHOR");
            fields.put("active", "on");
            HttpResponse<String> invited = b.submit(b.get("/backoffice/user", "Accept-Language", "en"), "user", fields, "save",
                    "Accept-Language", "en");
            assertThat(location(invited)).contains("saved=invited");
            assertThat(smtp.waitForIncomingEmail(15_000, 1)).isTrue();
            String invitationLink = link(smtp.getReceivedMessages()[0]);
            assertThat(smtp.getReceivedMessages()[0].getSubject()).contains("account");
            choosePassword(invitationLink, "ines first password");
            AdminSteps.login(site, email, "ines first password", "192.0.2.207");

            Browserless someone = anonymous();
            String known = someone.get(location(someone.submit(someone.get("/backoffice/forgot-password", "Accept-Language", "en"),
                    "forgot", Map.of("email", email), "submit", "Accept-Language", "en")), "Accept-Language", "en").body();
            String unknown = someone.get(location(someone.submit(someone.get("/backoffice/forgot-password", "Accept-Language", "en"),
                    "forgot", Map.of("email", "nobody-" + RUN + "@scriptorium.test"), "submit", "Accept-Language", "en")),
                    "Accept-Language", "en").body();
            assertThat(known).contains("If an active account uses this address");
            assertThat(unknown.replaceAll("name=\"jakarta.faces.ViewState\"[^>]*", ""))
                    .isEqualTo(known.replaceAll("name=\"jakarta.faces.ViewState\"[^>]*", ""));
            assertThat(smtp.waitForIncomingEmail(15_000, 2)).isTrue();
            MimeMessage reset = smtp.getReceivedMessages()[1];
            assertThat(reset.getAllRecipients()[0].toString()).isEqualTo(email);
            String resetLink = link(reset);
            choosePassword(resetLink, "ines second password");
            AdminSteps.login(site, email, "ines second password", "192.0.2.208");

            Browserless again = anonymous();
            HttpResponse<String> spent = again.get(resetLink.substring(resetLink.indexOf("/backoffice")), "Accept-Language", "en");
            assertThat(spent.body()).contains("This link has expired or has already been used.").doesNotContain("id=\"setPassword\"");
            assertThat(smtp.getReceivedMessages()).hasSize(2);
        } finally {
            b.submit(b.get("/backoffice/mail/settings", "Accept-Language", "en"), "mail", Map.of(), "reset");
            smtp.stop();
        }
    }

    private static String link(MimeMessage message) throws Exception {
        Matcher m = Pattern.compile("(http://[^\\s\"<]+/backoffice/set-password\\?token=[A-Za-z0-9_-]+)")
                .matcher(text(message.getContent()));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** The decoded text of a message's parts. */
    private static String text(Object content) throws Exception {
        if (content instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i).getContent())).append('\n');
            }
            return all.toString();
        }
        return String.valueOf(content);
    }

    private static void choosePassword(String link, String password) throws Exception {
        Browserless b = anonymous();
        String path = link.substring(link.indexOf("/backoffice"));
        HttpResponse<String> page = b.get(path, "Accept-Language", "en");
        HttpResponse<String> mismatch = b.submit(page, "setPassword", Map.of("newPassword", password, "confirmation", "other"),
                "save", "Accept-Language", "en");
        assertThat(mismatch.body()).contains("The two passwords differ.");
        HttpResponse<String> done = b.submit(mismatch, "setPassword", Map.of("newPassword", password, "confirmation", password),
                "save", "Accept-Language", "en");
        assertThat(location(done)).contains("/backoffice/login").contains("password=1");
    }

    @Test
    void theSiteNameAndTheEnabledLanguagesTakeEffectWithoutARestart() throws Exception {
        Browserless b = admin("192.0.2.209");
        String name = "Gazzetta " + RUN;
        HttpResponse<String> settings = b.get("/backoffice/settings", "Accept-Language", "en");
        assertThat(settings.body()).as("links to the feature settings pages")
                .contains("href=\"/backoffice/mail/settings\"", "href=\"/backoffice/comments/settings\"",
                        "href=\"/backoffice/push/settings\"", "href=\"/backoffice/submissions-settings\"");
        HttpResponse<String> saved = b.submit(settings, "identity", Map.of("name_it", name, "tagline_it", "Notizie dal laboratorio"),
                "save", "Accept-Language", "en");
        assertThat(saved.statusCode()).isEqualTo(302);
        try {
            String home = anonymous().get("/it/").body();
            assertThat(home).contains(">" + name + "</a>").contains("Notizie dal laboratorio").contains("<title>" + name);
            assertThat(anonymous().get("/en/").body()).doesNotContain(name);

            HttpResponse<String> tooLong = b.submit(b.get("/backoffice/settings", "Accept-Language", "en"), "identity",
                    Map.of("name_de", "x".repeat(101)), "save", "Accept-Language", "en");
            assertThat(tooLong.body()).contains("This text is too long: at most 100 characters.").contains("x".repeat(101));

            assertThat(anonymous().get("/it/").body()).contains("hreflang=\"pt\"");
            HttpResponse<String> noDefault = languages(b, "it", "es,en,fr,de,pt");
            assertThat(noDefault.body()).contains("The default language must be enabled.");
            HttpResponse<String> off = languages(b, "it", "it,es,en,fr,de");
            assertThat(off.statusCode()).isEqualTo(302);
            String after = anonymous().get("/it/").body();
            assertThat(after).doesNotContain("hreflang=\"pt\"").doesNotContain("href=\"/pt/");
            assertThat(anonymous().get("/pt/").statusCode()).isEqualTo(404);
            assertThat(anonymous().get("/sitemap.xml").body()).doesNotContain("sitemap-pt.xml");
            assertThat(b.get("/backoffice/audit?action=settings.languages", "Accept-Language", "en").body()).contains("pt-");
        } finally {
            languages(b, "it", "it,es,en,fr,de,pt");
            b.submit(b.get("/backoffice/settings", "Accept-Language", "en"), "identity", Map.of("name_it", "", "tagline_it", ""),
                    "save", "Accept-Language", "en");
        }
        assertThat(anonymous().get("/pt/").statusCode()).isEqualTo(200);
        assertThat(anonymous().get("/it/").body()).doesNotContain(name);
    }

    private static HttpResponse<String> languages(Browserless b, String defaultCode, String enabled) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        String[] order = {"it", "es", "en", "fr", "de", "pt"};
        for (int i = 0; i < order.length; i++) {
            if (enabled.contains(order[i])) {
                fields.put("enabled_" + order[i], "on");
            }
            fields.put("position_" + order[i], String.valueOf(i + 1));
        }
        fields.put("default", defaultCode);
        return b.submit(b.get("/backoffice/settings", "Accept-Language", "en"), "languages", fields, "save", "Accept-Language", "en");
    }

    @Test
    void theAkismetKeyIsVerifiedWithTheButtonAndAWrongOneIsNamedAsSuch() throws Exception {
        Browserless b = admin("192.0.2.214");
        CommentSupport.configure(b, 0, 0);
        HttpResponse<String> wrong = b.submit(b.get("/backoffice/comments/settings", "Accept-Language", "en"), "settings",
                Map.of("akismetKey", "not-the-right-key"), "save", "Accept-Language", "en");
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(302);
        try {
            HttpResponse<String> refused = b.submit(b.get("/backoffice/comments/settings", "Accept-Language", "en"), "verify",
                    Map.of(), "verify", "Accept-Language", "en");
            assertThat(refused.statusCode()).isEqualTo(302);
            assertThat(b.get(refused.headers().firstValue("Location").orElseThrow(), "Accept-Language", "en").body())
                    .contains("Akismet rejected the key");
        } finally {
            CommentSupport.configure(b, 0, 0);
        }
        HttpResponse<String> accepted = b.submit(b.get("/backoffice/comments/settings", "Accept-Language", "en"), "verify",
                Map.of(), "verify", "Accept-Language", "en");
        assertThat(b.get(accepted.headers().firstValue("Location").orElseThrow(), "Accept-Language", "en").body())
                .contains("Akismet accepted the key.");

        String audit = b.get("/backoffice/audit?action=comment.akismet-verify", "Accept-Language", "en").body();
        assertThat(audit).as("the audit log names who verified").containsPattern(
                "<td>" + Pattern.quote(RunningSite.ADMIN_EMAIL) + "</td>\\s*<td>comment.akismet-verify</td>")
                .doesNotContain("<td>comment.settings</td>");
    }

    @Test
    void eachUserReadsTheBackOfficeInTheirLanguageAndTheDashboardDrawsItsChart() throws Exception {
        String email = "lang-" + RUN + "@scriptorium.test";
        AdminSteps.createUser(admin("192.0.2.210"), email, "Lena " + RUN, Role.AUTHOR, "lena password 123");
        Browserless lena = AdminSteps.login(site, email, "lena password 123", "192.0.2.211");
        assertThat(lena.get("/backoffice/", "Accept-Language", "en").body()).contains("lang=\"en\"");
        HttpResponse<String> profile = lena.get("/backoffice/profile", "Accept-Language", "en");
        assertThat(lena.submit(profile, "language", Map.of("uiLanguage", "de"), "save", "Accept-Language", "en").statusCode())
                .isEqualTo(302);
        String dashboard = lena.get("/backoffice/", "Accept-Language", "en").body();
        assertThat(dashboard).contains("lang=\"de\"").contains("Zum Inhalt springen").contains("Mein Profil");
        assertThat(dashboard).contains("id=\"chart\"").contains("data-series=\"dashboard.series.published\"")
                .contains("id=\"chart-data\"").contains("data-figure=\"dashboard.figure.drafts\"");

        HttpResponse<String> wrong = lena.submit(lena.get("/backoffice/profile"), "password",
                Map.of("current", "not it", "newPassword", "lena new password", "confirmation", "lena new password"), "change");
        assertThat(wrong.body()).contains("Ihr aktuelles Passwort ist nicht richtig.");
        HttpResponse<String> changed = lena.submit(lena.get("/backoffice/profile"), "password",
                Map.of("current", "lena password 123", "newPassword", "lena new password", "confirmation", "lena new password"),
                "change");
        assertThat(changed.statusCode()).isEqualTo(302);
        Browserless again = AdminSteps.login(site, email, "lena new password", "192.0.2.212");
        assertThat(again.get("/backoffice/", "Accept-Language", "es").body()).as("the choice beats the browser")
                .contains("lang=\"de\"");
        assertThat(again.submit(again.get("/backoffice/profile"), "language", Map.of("uiLanguage", ""), "save").statusCode())
                .isEqualTo(302);
        assertThat(again.get("/backoffice/", "Accept-Language", "ja, es;q=0.8").body()).as("no choice: the browser's language")
                .contains("lang=\"es\"");
        String siteDefault = anonymous().get("/", "Accept-Language", "ja").headers().firstValue("Location").orElseThrow()
                .replaceAll("^.*/([a-z]{2})/?$", "$1");
        assertThat(again.get("/backoffice/", "Accept-Language", "ja").body())
                .as("no choice and a browser language the site lacks: the site default")
                .contains("lang=\"" + siteDefault + "\"");
    }

    @Test
    void stateChangesWithoutAFacesViewStateOrFromAnotherSiteAreRefused() throws Exception {
        Browserless b = admin("192.0.2.213");
        assertThat(b.post("/backoffice/profile", Map.of("language:uiLanguage", "de", "language:save", "submit")).statusCode())
                .isEqualTo(403);
        HttpResponse<String> page = b.get("/backoffice/profile", "Accept-Language", "en");
        assertThat(b.submit(page, "language", Map.of("uiLanguage", ""), "save", "Origin", "https://evil.example").statusCode())
                .isEqualTo(403);
        assertThat(b.submit(b.get("/backoffice/profile"), "language", Map.of("uiLanguage", ""), "save",
                "Origin", site.baseUrl()).statusCode()).isEqualTo(302);
        HttpResponse<String> forged = b.submit(b.get("/backoffice/profile"), "language", Map.of("uiLanguage", "de",
                "=jakarta.faces.ViewState", "-123:456"), "save");
        assertThat(location(forged)).contains("expired=1");
        assertThat(b.get("/backoffice/", "Accept-Language", "en").body()).contains("lang=\"en\"");
    }
}
