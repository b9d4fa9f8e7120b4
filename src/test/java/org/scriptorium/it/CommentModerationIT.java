package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.testing.AkismetTestServer;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;

/**
 * The moderators' side of comments against the running WAR, through HTTP as a browser sends it: editing a
 * comment (a refused edit keeps what was typed), a staff reply, every bulk action on the selected comments
 * and on everything the filters find, the Akismet feedback of "spam" / "not spam", the audit events of each
 * action, the dashboard's figures and daily series, flood control on the stored comment, and the site
 * without Akismet.
 */
class CommentModerationIT {

    private static final Pattern ROW = Pattern.compile("<tr data-comment=\"([0-9]+)\" data-status=\"([A-Z]+)\">");
    private static final Pattern AUDIT_ROW = Pattern.compile("<tr data-action=\"([^\"]+)\">\\s*<td>.*?</td>\\s*<td>([^<]*)</td>"
            + "\\s*<td>[^<]*</td>\\s*<td>([^<]*)</td>\\s*<td>([^<]*)</td>", Pattern.DOTALL);

    private static PayaraProcess site;
    private static Browserless admin;
    private static String slug;

    @BeforeAll
    static void start() throws Exception {
        site = RunningSite.get();
        admin = CommentSupport.admin(site, "192.0.2.93");
        CommentSupport.configure(admin, 0, 0);
        slug = CommentSupport.firstArticle(new Browserless(site.baseUrl()), "it");
    }

    /** Posts a comment as a new reader from an address; returns the answer (303 when stored). */
    private static HttpResponse<String> post(String name, String email, String body, String ip) throws Exception {
        Browserless reader = new Browserless(site.baseUrl());
        HttpResponse<String> page = reader.get("/it/" + slug);
        return reader.submit(page, "comment", Map.of("name", name, "email", email, "body", body), "post",
                "X-Forwarded-For", ip);
    }

    /** Posts a comment that waits for moderation; returns its id. */
    private static long postPending(String name, String email, String body, String ip) throws Exception {
        HttpResponse<String> r = post(name, email, body, ip);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        Matcher m = Pattern.compile("#comment-([0-9]+)$").matcher(r.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).as("the reader is sent to their pending comment").isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> r = admin.get(path, "Accept-Language", "en");
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    private static String queuePath(String tab, String text) {
        return "/backoffice/comments?tab=" + tab + "&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Comment id to status, for the rows of a queue tab filtered by a text. */
    private static Map<Long, String> rows(String tab, String text) throws Exception {
        return rowsOf(get(queuePath(tab, text)));
    }

    private static Map<Long, String> rowsOf(String queuePage) {
        Map<Long, String> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(queuePage);
        while (m.find()) {
            rows.put(Long.parseLong(m.group(1)), m.group(2));
        }
        return rows;
    }

    /** Runs a bulk action from a filtered queue tab; selected ids, or none for "everything the filters find". */
    private static int bulk(String tab, String text, String button, Long... selected) throws Exception {
        HttpResponse<String> queue = admin.get(queuePath(tab, text), "Accept-Language", "en");
        Map<String, String> fields = new LinkedHashMap<>();
        if (selected.length == 0) {
            fields.put("=all", "1");
        } else {
            assertThat(selected).as("the test client sends one selected box").hasSize(1);
            fields.put("=selected", String.valueOf(selected[0]));
        }
        HttpResponse<String> done = admin.submit(queue, "queue", fields, button, "Accept-Language", "en");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        String location = done.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("tab=" + tab).contains("q=");
        Matcher m = Pattern.compile("done=([0-9]+)").matcher(location);
        assertThat(m.find()).isTrue();
        assertThat(get(location.substring(location.indexOf("/backoffice")))).contains("id=\"moderation-done\"");
        return Integer.parseInt(m.group(1));
    }

    /** The audit entries (action, actor, target, detail) whose target or detail contains the text. */
    private static List<String[]> audit(String text) throws Exception {
        List<String[]> entries = new ArrayList<>();
        Matcher m = AUDIT_ROW.matcher(get("/backoffice/audit?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8)));
        while (m.find()) {
            entries.add(new String[] {m.group(1), unescape(m.group(2)), unescape(m.group(3)), unescape(m.group(4))});
        }
        return entries;
    }

    private static String unescape(String html) {
        return html.strip().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static List<String> auditActions(long commentId) throws Exception {
        return audit("comment:" + commentId).stream().filter(e -> e[2].equals("comment:" + commentId)).map(e -> {
            assertThat(e[1]).isEqualTo(RunningSite.ADMIN_EMAIL);
            return e[0];
        }).toList();
    }

    private static String article() throws Exception {
        return new Browserless(site.baseUrl()).get("/it/" + slug).body();
    }

    private static String waitFor(String path, Predicate<String> done) throws Exception {
        String body = get(path);
        for (int i = 0; i < 80 && !done.test(body); i++) {
            Thread.sleep(250);
            body = get(path);
        }
        return body;
    }

    private static List<AkismetTestServer.Call> waitForCalls(String path, String content) throws Exception {
        List<AkismetTestServer.Call> calls = List.of();
        for (int i = 0; i < 80 && calls.isEmpty(); i++) {
            calls = CommentSupport.akismet().calls(path).stream()
                    .filter(c -> c.param("comment_content").orElse("").contains(content)).toList();
            if (calls.isEmpty()) {
                Thread.sleep(250);
            }
        }
        return calls;
    }

    @Test
    void aModeratorEditsACommentAndRepliesAsStaffAndTheArticleShowsBoth() throws Exception {
        String stamp = "e" + System.nanoTime();
        long id = postPending("Lettore " + stamp, stamp + "@example.org", "Testo originale " + stamp, "198.51.100.60");
        String detailPath = "/backoffice/comment?id=" + id;
        HttpResponse<String> detail = admin.get(detailPath, "Accept-Language", "en");
        assertThat(detail.body()).contains("Testo originale " + stamp).contains("data-status=\"PENDING\"");

        HttpResponse<String> refused = admin.submit(detail, "edit", Map.of("name", "", "email", "not an address",
                "url", "", "body", "Corretto <b>" + stamp), "save", "Accept-Language", "en");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Please enter your name").contains("Please enter a valid e-mail address")
                .contains("value=\"not an address\"").contains("Corretto &lt;b&gt;" + stamp);
        assertThat(get(detailPath)).as("nothing saved").contains("Testo originale " + stamp)
                .doesNotContain("Corretto &lt;b&gt;" + stamp);

        HttpResponse<String> saved = admin.submit(refused, "edit", Map.of("name", "Lettore corretto " + stamp,
                "email", stamp + "@example.org", "url", "https://example.org/" + stamp,
                "body", "Testo corretto " + stamp + "\nseconda riga"), "save", "Accept-Language", "en");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        String afterEdit = get(saved.headers().firstValue("Location").orElseThrow());
        assertThat(afterEdit).contains("Changes saved.").contains("Testo corretto " + stamp)
                .contains("<td>" + RunningSite.ADMIN_EMAIL + "</td><td>edit</td>");
        Matcher submitted = Pattern.compile("<dl id=\"submitted\">(.*?)</dl>", Pattern.DOTALL).matcher(afterEdit);
        assertThat(submitted.find()).isTrue();
        assertThat(submitted.group(1)).as("what the reader sent stays as sent").contains("Testo originale " + stamp)
                .contains("Lettore " + stamp).doesNotContain("Lettore corretto").doesNotContain("Testo corretto");
        assertThat(article()).as("not approved yet").doesNotContain(stamp);

        HttpResponse<String> emptyReply = admin.submit(admin.get(detailPath, "Accept-Language", "en"), "reply",
                Map.of("text", " "), "send", "Accept-Language", "en");
        assertThat(emptyReply.statusCode()).isEqualTo(200);
        assertThat(emptyReply.body()).contains("Please enter your comment");

        HttpResponse<String> replied = admin.submit(emptyReply, "reply", Map.of("text", "Grazie, risposta della redazione "
                + stamp), "send", "Accept-Language", "en");
        assertThat(replied.statusCode()).as(replied.body()).isEqualTo(302);
        String afterReply = get(replied.headers().firstValue("Location").orElseThrow());
        assertThat(afterReply).contains("Reply published.").as("replying approves the comment")
                .contains("data-status=\"APPROVED\"");

        String page = article();
        assertThat(page).contains("Testo corretto " + stamp + "<br/>seconda riga").doesNotContain("Testo originale " + stamp)
                .contains(">Lettore corretto " + stamp + "</a>").contains("href=\"https://example.org/" + stamp + "\"");
        Matcher reply = Pattern.compile("<li id=\"comment-([0-9]+)\" class=\"([^\"]*)\">\\s*<p class=\"comment__meta\">"
                + "(?:(?!</li>).)*?risposta della redazione " + stamp, Pattern.DOTALL).matcher(page);
        assertThat(reply.find()).as("the staff reply on the article").isTrue();
        assertThat(reply.group(2)).contains("comment--depth-2").contains("comment--staff");
        assertThat(reply.group()).contains("comment__badge\">Redazione");
        long replyId = Long.parseLong(reply.group(1));
        assertThat(page.indexOf("Testo corretto " + stamp)).isLessThan(page.indexOf("risposta della redazione " + stamp));

        assertThat(auditActions(id)).contains("comment.edit", "comment.approve");
        assertThat(audit("comment:" + replyId)).anySatisfy(e -> {
            assertThat(e[0]).isEqualTo("comment.reply");
            assertThat(e[2]).isEqualTo("comment:" + replyId);
            assertThat(e[3]).isEqualTo("reply to comment:" + id);
        });
    }

    @Test
    void everyBulkActionMovesTheCommentsAndSpamAndNotSpamTellAkismetWhatWasSubmitted() throws Exception {
        String stamp = "k" + System.nanoTime();
        Map<String, Long> tabsBefore = tabCounts();
        long a = postPending("Anna " + stamp, "a" + stamp + "@example.org", "Commento A " + stamp + "-a", "198.51.100.61");
        long b = postPending("Bruno " + stamp, "b" + stamp + "@example.org", "Commento B " + stamp + "-b", "198.51.100.62");
        long c = postPending("Carla " + stamp, "c" + stamp + "@example.org", "Commento C " + stamp + "-c", "198.51.100.63");
        String pendingTab = waitFor(queuePath("PENDING", stamp), body -> !body.contains("Akismet has not answered yet"));
        assertThat(rowsOf(pendingTab)).containsOnlyKeys(a, b, c);
        assertThat(rowsOf(get(queuePath("PENDING", stamp) + "&lang=it"))).containsOnlyKeys(a, b, c);
        assertThat(rowsOf(get(queuePath("PENDING", stamp) + "&lang=de"))).isEmpty();
        Matcher articleFilter = Pattern.compile("class=\"bo-article-filter\" href=\"([^\"]+)\"").matcher(pendingTab);
        assertThat(articleFilter.find()).isTrue();
        String onlyArticle = unescape(articleFilter.group(1));
        Matcher articleId = Pattern.compile("article=([0-9]+)").matcher(onlyArticle);
        assertThat(articleId.find()).as(onlyArticle).isTrue();
        assertThat(rowsOf(get(onlyArticle))).containsOnlyKeys(a, b, c);
        long otherArticle = Long.parseLong(articleId.group(1)) + 100_000;
        assertThat(rowsOf(get(queuePath("PENDING", stamp) + "&article=" + otherArticle))).isEmpty();

        assertThat(tabCounts()).containsEntry("PENDING", tabsBefore.get("PENDING") + 3)
                .containsEntry("APPROVED", tabsBefore.get("APPROVED"));
        long onCard = cardCount();
        assertThat(bulk("PENDING", stamp, "approve")).as("everything the filters find").isEqualTo(3);
        assertThat(rows("APPROVED", stamp)).containsOnlyKeys(a, b, c);
        assertThat(tabCounts()).containsEntry("PENDING", tabsBefore.get("PENDING"))
                .containsEntry("APPROVED", tabsBefore.get("APPROVED") + 3);
        assertThat(article()).contains("Commento A " + stamp).contains("Commento B " + stamp).contains("Commento C " + stamp);
        assertThat(cardCount()).as("the count on the home page's card").isEqualTo(onCard + 3);

        assertThat(bulk("APPROVED", stamp, "unapprove", a)).isEqualTo(1);
        assertThat(rows("PENDING", stamp)).containsOnlyKeys(a);
        assertThat(article()).as("the page cache let go of it").doesNotContain("Commento A " + stamp)
                .contains("Commento B " + stamp);
        assertThat(cardCount()).isEqualTo(onCard + 2);

        assertThat(bulk("PENDING", stamp, "spam", a)).isEqualTo(1);
        assertThat(rows("SPAM", stamp)).containsOnlyKeys(a);
        List<AkismetTestServer.Call> spam = waitForCalls("/1.1/submit-spam", "Commento A " + stamp);
        assertThat(spam).as("submit-spam").singleElement().satisfies(call -> {
            assertThat(call.param("comment_author")).contains("Anna " + stamp);
            assertThat(call.param("comment_author_email")).contains("a" + stamp + "@example.org");
            assertThat(call.param("user_ip")).contains("198.51.100.61");
            assertThat(call.param("blog_lang")).contains("it");
        });

        assertThat(bulk("SPAM", stamp + "-a", "notspam")).isEqualTo(1);
        assertThat(rows("PENDING", stamp)).containsOnlyKeys(a);
        List<AkismetTestServer.Call> ham = waitForCalls("/1.1/submit-ham", "Commento A " + stamp);
        assertThat(ham).as("submit-ham").singleElement()
                .satisfies(call -> assertThat(call.params()).isEqualTo(spam.get(0).params()));
        assertThat(waitFor("/backoffice/comment?id=" + a, body -> body.contains("submit-ham: accepted")))
                .contains("submit-spam: accepted").contains("submit-ham: accepted");

        assertThat(bulk("APPROVED", stamp, "trash", b)).isEqualTo(1);
        assertThat(rows("TRASH", stamp)).containsOnlyKeys(b);
        assertThat(article()).doesNotContain("Commento B " + stamp).contains("Commento C " + stamp);

        assertThat(bulk("PENDING", stamp, "trash")).isEqualTo(1);
        assertThat(bulk("APPROVED", stamp, "trash")).isEqualTo(1);
        assertThat(rows("TRASH", stamp)).containsOnlyKeys(a, b, c);
        assertThat(article()).doesNotContain(stamp);

        assertThat(bulk("TRASH", stamp + "-c", "delete", c)).isEqualTo(1);
        assertThat(bulk("TRASH", stamp, "delete")).isEqualTo(2);
        for (String tab : new String[] {"PENDING", "APPROVED", "SPAM", "TRASH"}) {
            assertThat(rows(tab, stamp)).as(tab).isEmpty();
        }
        assertThat(get("/backoffice/comment?id=" + a)).contains("id=\"not-found\"");

        assertThat(auditActions(a)).contains("comment.approve", "comment.unapprove", "comment.spam", "comment.not-spam",
                "comment.trash", "comment.delete");
        assertThat(auditActions(b)).contains("comment.approve", "comment.trash", "comment.delete");
        assertThat(audit("comment:" + a)).anySatisfy(e -> assertThat(e[3]).isEqualTo("TRASH -> deleted"))
                .anySatisfy(e -> assertThat(e[3]).isEqualTo("APPROVED -> PENDING"));
    }

    @Test
    void theDashboardCountsPendingCommentsAndDrawsCommentsAndSpamPerDay() throws Exception {
        String before = get("/backoffice/");
        long pending = figure(before, "comments.figure.pending");
        assertThat(figure(before, "comments.figure.akismet")).as("Akismet active").isEqualTo(1);
        long comments = today(before, "Comments in the last 30 days");
        long spam = today(before, "Spam in the last 30 days");

        String stamp = "d" + System.nanoTime();
        long id = postPending("Dora " + stamp, stamp + "@example.org", "Per il cruscotto " + stamp, "198.51.100.64");
        String after = get("/backoffice/");
        assertThat(figure(after, "comments.figure.pending")).isEqualTo(pending + 1);
        assertThat(after).contains("href=\"/backoffice/comments\"><strong>");
        assertThat(today(after, "Comments in the last 30 days")).isEqualTo(comments + 1);
        assertThat(today(after, "Spam in the last 30 days")).isEqualTo(spam);
        assertThat(after).contains("data-series=\"comments.series.comments\"").contains("data-series=\"comments.series.spam\"");

        assertThat(bulk("PENDING", stamp, "spam", id)).isEqualTo(1);
        String marked = get("/backoffice/");
        assertThat(figure(marked, "comments.figure.pending")).isEqualTo(pending);
        assertThat(today(marked, "Comments in the last 30 days")).isEqualTo(comments + 1);
        assertThat(today(marked, "Spam in the last 30 days")).isEqualTo(spam + 1);
    }

    @Test
    void floodControlStoresASecondCommentWithinTheIntervalAsSpamWithItsReason() throws Exception {
        CommentSupport.configure(admin, 15, 0);
        try {
            String stamp = "f" + System.nanoTime();
            long first = postPending("Flavia " + stamp, "f1" + stamp + "@example.org", "Primo " + stamp, "198.51.100.65");
            HttpResponse<String> second = post("Flavia " + stamp, "f2" + stamp + "@example.org", "Secondo " + stamp,
                    "198.51.100.65");
            assertThat(second.statusCode()).as("accepted, not refused").isEqualTo(303);
            HttpResponse<String> third = post("Flavia " + stamp, "f1" + stamp + "@example.org", "Terzo " + stamp,
                    "198.51.100.66");
            assertThat(third.statusCode()).isEqualTo(303);
            assertThat(rows("PENDING", stamp)).containsOnlyKeys(first);
            Map<Long, String> spam = rows("SPAM", stamp);
            assertThat(spam).hasSize(2);
            for (long id : spam.keySet()) {
                assertThat(get("/backoffice/comment?id=" + id)).containsPattern("<td>flood</td><td>SPAM</td><td>another comment"
                        + " from this address or e-mail less than 15 s before</td>");
            }
            assertThat(get(queuePath("SPAM", stamp))).contains("Secondo " + stamp).contains("Terzo " + stamp)
                    .contains("flood SPAM");
        } finally {
            CommentSupport.configure(admin, 0, 0);
        }
    }

    @Test
    void withoutAValidAkismetKeyTheOtherChecksStillRunAndTheBackOfficeSaysSo() throws Exception {
        CommentSupport.configure(admin, 0, 0, "not-the-test-key");
        try {
            String dashboard = waitFor("/backoffice/", body -> figure(body, "comments.figure.akismet") == 0);
            assertThat(figure(dashboard, "comments.figure.akismet")).isZero();
            assertThat(get("/backoffice/comments")).contains("Akismet is off: only the site's own checks run.");
            assertThat(audit("settings:comments")).as("saving the settings is audited").anySatisfy(e -> {
                assertThat(e[0]).isEqualTo("comment.settings");
                assertThat(e[1]).isEqualTo(RunningSite.ADMIN_EMAIL);
            });
            String stamp = "o" + System.nanoTime();
            long id = postPending("Otto " + stamp, stamp + "@example.org", "Senza Akismet " + stamp, "198.51.100.67");
            String detail = get("/backoffice/comment?id=" + id);
            assertThat(detail).contains("data-status=\"PENDING\"").contains("<td>honeypot</td><td>PASS</td>")
                    .contains("<td>time-trap</td><td>PASS</td>").contains("<td>flood</td><td>PASS</td>")
                    .contains("<td>links</td><td>PASS</td>").contains("<td>blocklist</td><td>PASS</td>")
                    .contains("akismet: skipped (Akismet is off)").doesNotContain("<td>akismet</td>");
            long links = postPending("Otto " + stamp, "l" + stamp + "@example.org",
                    "Tre link " + stamp + " http://a.example http://b.example http://c.example", "198.51.100.68");
            assertThat(get("/backoffice/comment?id=" + links)).contains("<td>links</td><td>HOLD</td>");
            assertThat(get(queuePath("PENDING", stamp))).contains("held for review");
        } finally {
            CommentSupport.configure(admin, 0, 0);
        }
        assertThat(figure(waitFor("/backoffice/", body -> figure(body, "comments.figure.akismet") == 1),
                "comments.figure.akismet")).isEqualTo(1);
        assertThat(get("/backoffice/comments")).contains("Akismet checks new comments.");
    }

    @Test
    void theBlocklistsOfTheSettingsPageMakeSpamAndTheLinkLimitHoldsForAModerator() throws Exception {
        String stamp = "b" + System.nanoTime();
        CommentSupport.configure(admin, Map.of("blockedWords", "casino" + stamp + "\nother",
                "blockedIps", "203.0.113.", "blockedEmails", "blocked" + stamp + "@example.org", "maxLinks", "1"));
        try {
            assertThat(post("Word " + stamp, "w" + stamp + "@example.org", "Best CASINO" + stamp + " in town", "198.51.100.70")
                    .statusCode()).isEqualTo(303);
            assertThat(post("Address " + stamp, "i" + stamp + "@example.org", "From a blocked network", "203.0.113.45")
                    .statusCode()).isEqualTo(303);
            assertThat(post("Mail " + stamp, "Blocked" + stamp + "@example.org", "From a blocked address", "198.51.100.71")
                    .statusCode()).isEqualTo(303);
            long held = postPending("Links " + stamp, "l" + stamp + "@example.org",
                    "Two links " + stamp + ": http://a.example https://b.example", "198.51.100.72");
            long fine = postPending("Fine " + stamp, "ok" + stamp + "@example.org", "One link " + stamp + ": http://a.example",
                    "198.51.100.73");

            Map<Long, String> spam = rows("SPAM", stamp);
            assertThat(spam).hasSize(3);
            String spamTab = get(queuePath("SPAM", stamp));
            assertThat(spamTab).contains("Word " + stamp).contains("Address " + stamp).contains("Mail " + stamp);
            List<String> reasons = new ArrayList<>();
            for (long id : spam.keySet()) {
                Matcher m = Pattern.compile("<td>blocklist</td><td>SPAM</td><td>([^<]*)</td>").matcher(get("/backoffice/comment?id=" + id));
                assertThat(m.find()).as("comment %d", id).isTrue();
                reasons.add(unescape(m.group(1)));
            }
            assertThat(reasons).containsExactlyInAnyOrder("blocked word \"casino" + stamp + "\"", "blocked address 203.0.113.45",
                    "blocked e-mail blocked" + stamp + "@example.org");
            assertThat(rows("PENDING", stamp)).containsOnlyKeys(held, fine);
            assertThat(get("/backoffice/comment?id=" + held)).contains("<td>links</td><td>HOLD</td><td>2 links (more than 1)</td>");
            assertThat(get("/backoffice/comment?id=" + fine)).contains("<td>links</td><td>PASS</td><td>1 links</td>");
        } finally {
            CommentSupport.configure(admin, 0, 0);
        }
    }

    /** The count each tab of the queue shows, by status. */
    private static Map<String, Long> tabCounts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        Matcher m = Pattern.compile("id=\"tab-([A-Z]+)\"[^>]*>[^<(]*\\(([0-9.,]+)\\)").matcher(get("/backoffice/comments"));
        while (m.find()) {
            counts.put(m.group(1), Long.parseLong(m.group(2).replaceAll("[.,]", "")));
        }
        assertThat(counts).containsOnlyKeys("PENDING", "APPROVED", "SPAM", "TRASH");
        return counts;
    }

    /** The number of approved comments the home page's card of the article shows (0 when it shows none). */
    private static long cardCount() throws Exception {
        String home = new Browserless(site.baseUrl()).get("/it/").body();
        Matcher m = Pattern.compile("href=\"/it/" + Pattern.quote(slug) + "#comments\">([0-9]+) comment").matcher(home);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** A dashboard figure's number. */
    private static long figure(String dashboard, String key) {
        Matcher m = Pattern.compile("data-figure=\"" + Pattern.quote(key) + "\"><a href=\"[^\"]*\"><strong>([0-9.,\u00a0\u202f ]+)</strong>")
                .matcher(dashboard);
        assertThat(m.find()).as("figure " + key).isTrue();
        return Long.parseLong(m.group(1).replaceAll("[^0-9]", ""));
    }

    /** Today's number in the dashboard's chart table for the series with this heading. */
    private static long today(String dashboard, String heading) {
        Matcher table = Pattern.compile("<table class=\"bo-table\" id=\"chart-data\">(.*?)</table>", Pattern.DOTALL).matcher(dashboard);
        assertThat(table.find()).as("the chart's table").isTrue();
        List<String> headings = new ArrayList<>();
        Matcher th = Pattern.compile("<th scope=\"col\">([^<]*)</th>").matcher(table.group(1));
        while (th.find()) {
            headings.add(th.group(1).strip());
        }
        int column = headings.indexOf(heading);
        assertThat(column).as(heading + " in " + headings).isPositive();
        String day = LocalDate.now(ZoneOffset.UTC).toString();
        Matcher row = Pattern.compile("<th scope=\"row\">" + day + "</th>(.*?)</tr>", Pattern.DOTALL).matcher(table.group(1));
        assertThat(row.find()).as("a row for " + day).isTrue();
        List<Long> cells = new ArrayList<>();
        Matcher td = Pattern.compile("<td>([0-9]+)</td>").matcher(row.group(1));
        while (td.find()) {
            cells.add(Long.parseLong(td.group(1)));
        }
        return cells.get(column - 1);
    }
}
