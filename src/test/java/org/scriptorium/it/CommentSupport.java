package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.scriptorium.testing.AkismetTestServer;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;

/** What the comment integration tests share: the Akismet test server, the administrator, an article. */
final class CommentSupport {

    private static AkismetTestServer akismet;

    private CommentSupport() {
    }

    /**
     * The Akismet test server, started once on a free port: the IT port + 1 belongs to the ITs that boot a
     * Payara of their own (NewsletterIT, StartupIT).
     */
    static synchronized AkismetTestServer akismet() {
        if (akismet == null) {
            akismet = AkismetTestServer.startOnFreePort();
        }
        return akismet;
    }

    static Browserless admin(PayaraProcess site, String address) throws Exception {
        Browserless b = new Browserless(site.baseUrl());
        HttpResponse<String> form = b.get("/backoffice/login", "Accept-Language", "it");
        HttpResponse<String> after = b.submit(form, "login", Map.of("email", RunningSite.ADMIN_EMAIL,
                "password", RunningSite.ADMIN_PASSWORD), "submit", "X-Forwarded-For", address);
        assertThat(after.statusCode()).isEqualTo(302);
        return b;
    }

    /** Points the site at the Akismet test server and relaxes the flood and time traps for tests. */
    static void configure(Browserless admin, int floodSeconds, int minFillSeconds) throws Exception {
        configure(admin, floodSeconds, minFillSeconds, AkismetTestServer.VALID_KEY);
    }

    /** As {@link #configure(Browserless, int, int)}, with an Akismet key of the test's choice. */
    static void configure(Browserless admin, int floodSeconds, int minFillSeconds, String akismetKey) throws Exception {
        configure(admin, Map.of("akismetKey", akismetKey, "floodSeconds", String.valueOf(floodSeconds),
                "minFillSeconds", String.valueOf(minFillSeconds)));
    }

    /** Saves the comment settings page: the tests' defaults, with some fields changed. */
    static void configure(Browserless admin, Map<String, String> changed) throws Exception {
        HttpResponse<String> page = admin.get("/backoffice/comments/settings", "Accept-Language", "en");
        assertThat(page.statusCode()).isEqualTo(200);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("akismetKey", AkismetTestServer.VALID_KEY);
        fields.put("akismetEndpoint", akismet().endpoint());
        fields.put("floodSeconds", "0");
        fields.put("minFillSeconds", "0");
        fields.put("maxLinks", "2");
        fields.put("maxDepth", "3");
        fields.put("closeAfterDays", "0");
        fields.put("spamPurgeDays", "15");
        fields.put("policy", "MODERATE_ALL");
        fields.put("notification", "OFF");
        fields.put("blockedWords", "");
        fields.put("blockedIps", "");
        fields.put("blockedEmails", "");
        fields.putAll(changed);
        HttpResponse<String> saved = admin.submit(page, "settings", fields, "save", "Accept-Language", "en");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    }

    /** The slug of the first article on a language's home page. */
    static String firstArticle(Browserless reader, String lang) throws Exception {
        String home = reader.get("/" + lang + "/").body();
        Matcher m = Pattern.compile("article-card__title\"><a href=\"/" + lang + "/([a-z0-9-]+)\"").matcher(home);
        assertThat(m.find()).as("an article on the home page").isTrue();
        String first = m.group(1);
        // Other tests publish articles too, some with comments closed: take the first one open to comments.
        do {
            if (reader.get("/" + lang + "/" + m.group(1)).body().contains("id=\"comment-name\"")) {
                return m.group(1);
            }
        } while (m.find());
        return first;
    }

    /** The id of the first comment row of a queue page, or -1. */
    static long firstRow(String queuePage) {
        Matcher m = Pattern.compile("data-comment=\"([0-9]+)\"").matcher(queuePage);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
