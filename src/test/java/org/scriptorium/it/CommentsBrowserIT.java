package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.scriptorium.comments.application.PlainText;
import org.scriptorium.testing.BrowserSession;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;
import org.scriptorium.testing.DatabaseNeutral;

/**
 * Comments in a real Chromium: a reader posts and replies, a moderator approves in the back office, and the
 * thread appears on the article. Then every naughty string and every classic XSS filter-evasion vector is
 * posted in every field, stored and approved, and posted again so that the form refuses it; the refused
 * forms, the article, every page of the moderation queue and the comments' own pages are opened
 * with alert/confirm/prompt/print hooked in every frame: none may run. To stay fast, the browser renders
 * many answers at once in iframes of one page and reads the hook once per batch.
 */
@DatabaseNeutral
class CommentsBrowserIT {

    /**
     * Replaces the dialogs in every document and frame (Chromium runs it before any script of the page): a
     * call is recorded in the top page's list, where one read per batch of frames finds it.
     */
    private static final String HOOK = "(function () { var own = []; window.__xss = own;"
            + "function sink() { try { return window.top.__xss || own; } catch (e) { return own; } }"
            + "['alert', 'confirm', 'prompt', 'print'].forEach(function (n) {"
            + "  window[n] = function (m) { sink().push(location.pathname + ' ' + n + ':' + m); }; }); })();";

    private static PayaraProcess site;
    private static Browserless admin;

    @BeforeAll
    static void start() throws Exception {
        site = RunningSite.get();
        admin = CommentSupport.admin(site, "192.0.2.91");
        CommentSupport.configure(admin, 0, 0);
    }

    private static void hook(BrowserSession browser) {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", HOOK));
    }

    @SuppressWarnings("unchecked")
    private static List<String> fired(WebDriver d) {
        try {
            String text = d.switchTo().alert().getText();
            d.switchTo().alert().dismiss();
            return List.of("dialog:" + text);
        } catch (NoAlertPresentException expected) {
            Object r = ((JavascriptExecutor) d).executeScript("return window.__xss ? window.__xss.splice(0) : [];");
            return (List<String>) r;
        }
    }

    private static void login(WebDriver d) {
        d.get(site.baseUrl() + "/backoffice/comments");
        if (d.getCurrentUrl().contains("/backoffice/login")) {
            d.findElement(By.id("login:email")).sendKeys(RunningSite.ADMIN_EMAIL);
            d.findElement(By.id("login:password")).sendKeys(RunningSite.ADMIN_PASSWORD);
            d.findElement(By.id("login:submit")).click();
            new WebDriverWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        }
    }

    private static void approveInQueue(WebDriver d, String stamp) {
        d.get(site.baseUrl() + "/backoffice/comments?tab=PENDING&q=" + stamp);
        d.findElement(By.id("all")).click();
        d.findElement(By.id("queue:approve")).click();
        new WebDriverWait(d, Duration.ofSeconds(120)).until(ExpectedConditions.urlContains("done="));
    }

    @Test
    void aReaderPostsAndRepliesAModeratorApprovesAndTheThreadAppears() {
        Browserless anonymous = new Browserless(site.baseUrl());
        String slug;
        try {
            slug = CommentSupport.firstArticle(anonymous, "it");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String stamp = "b" + System.nanoTime();
        try (BrowserSession reader = BrowserSession.open("it"); BrowserSession moderator = BrowserSession.open("it")) {
            WebDriver r = reader.driver();
            r.get(site.baseUrl() + "/it/" + slug);
            r.findElement(By.id("comment-name")).sendKeys("Lettrice " + stamp);
            r.findElement(By.id("comment-email")).sendKeys(stamp + "@example.org");
            r.findElement(By.id("comment-body")).sendKeys("Primo commento " + stamp);
            r.findElement(By.cssSelector("#comment button[type=submit]")).click();
            new WebDriverWait(r, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("commented"));
            assertThat(r.findElement(By.id("comment-posted")).getText()).contains("Grazie");
            assertThat(r.findElement(By.cssSelector(".comment--pending")).getText()).contains("Primo commento " + stamp)
                    .contains("in attesa di moderazione");

            WebDriver m = moderator.driver();
            login(m);
            approveInQueue(m, stamp);

            r.get(site.baseUrl() + "/it/" + slug);
            assertThat(r.findElements(By.cssSelector(".comment--pending"))).isEmpty();
            String first = r.findElements(By.cssSelector(".comment")).stream()
                    .filter(e -> e.getText().contains("Primo commento " + stamp)).findFirst().orElseThrow().getAttribute("id");
            r.findElement(By.cssSelector("#" + first + " .comment__actions a")).click();
            new WebDriverWait(r, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("replyto="));
            assertThat(r.findElement(By.cssSelector(".comment-form__title")).getText()).contains("Lettrice " + stamp);
            r.findElement(By.id("comment-name")).sendKeys("Replica " + stamp);
            r.findElement(By.id("comment-email")).sendKeys("r" + stamp + "@example.org");
            r.findElement(By.id("comment-body")).sendKeys("Una risposta " + stamp);
            r.findElement(By.cssSelector("#comment button[type=submit]")).click();
            new WebDriverWait(r, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("commented"));
            assertThat(r.findElement(By.cssSelector(".comment--pending")).getAttribute("class")).contains("comment--depth-2");

            approveInQueue(m, stamp);
            Browserless fresh = new Browserless(site.baseUrl());
            String html;
            try {
                html = fresh.get("/it/" + slug).body();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            assertThat(html).contains("Primo commento " + stamp).contains("Una risposta " + stamp)
                    .containsPattern("comment--depth-2[^\"]*\">\\s*<p class=\"comment__meta\">\\s*<span class=\"comment__author\">Replica " + stamp);
        }
    }

    /**
     * Posts the given field sets through copies of the article's own comment form (its hidden fields, token
     * included), each into its own iframe, and answers, once every frame has loaded, where each one landed
     * and whether it shows the comment form (so a frame that did not render cannot pass unnoticed).
     */
    private static final String POST_IN_FRAMES = "var batch = arguments[0], done = arguments[arguments.length - 1];"
            + "var form = document.getElementById('comment'), left = batch.length, out = new Array(batch.length);"
            + "batch.forEach(function (fields, i) {"
            + "  var name = 'xf' + Date.now() + '_' + i, frame = document.createElement('iframe');"
            + "  frame.name = name; frame.width = 600; frame.height = 400; frame.className = 'xss-frame';"
            + "  document.body.appendChild(frame);"
            + "  var post = document.createElement('form');"
            + "  post.method = 'post'; post.action = form.action; post.target = name; post.acceptCharset = 'UTF-8';"
            + "  function add(n, v) { var h = document.createElement('input'); h.type = 'hidden'; h.name = n; h.value = v; post.appendChild(h); }"
            + "  form.querySelectorAll('input[type=hidden]').forEach(function (h) { add(h.name, h.value); });"
            + "  Object.keys(fields).forEach(function (k) { add('comment:' + k, fields[k]); });"
            + "  add('comment:post', '1');"
            + "  frame.addEventListener('load', function () {"
            + "    var url = frame.contentWindow.location.href;"
            + "    if (url === 'about:blank' || out[i]) { return; }"
            + "    var doc = frame.contentDocument;"
            + "    out[i] = url + (doc.getElementById('respond') ? ' form' : ' noform')"
            + "      + (doc.getElementById('comment-message') ? ' message' : '');"
            + "    if (--left === 0) { done(out); }"
            + "  });"
            + "  document.body.appendChild(post); post.submit(); post.remove();"
            + "});";

    /** Opens the given same-site addresses in iframes and answers, once all have loaded, which show the marker. */
    private static final String OPEN_IN_FRAMES = "var urls = arguments[0], marker = arguments[1], done = arguments[arguments.length - 1];"
            + "var left = urls.length, out = new Array(urls.length);"
            + "urls.forEach(function (u, i) {"
            + "  var frame = document.createElement('iframe');"
            + "  frame.width = 600; frame.height = 400; frame.className = 'xss-frame';"
            + "  frame.addEventListener('load', function () {"
            + "    if (out[i]) { return; }"
            + "    out[i] = u + (frame.contentDocument.getElementById(marker) ? ' ok' : ' missing');"
            + "    if (--left === 0) { done(out); }"
            + "  });"
            + "  frame.src = u; document.body.appendChild(frame);"
            + "});";

    private static void removeFrames(WebDriver d) {
        ((JavascriptExecutor) d).executeScript("document.querySelectorAll('iframe.xss-frame').forEach(function (f) { f.remove(); });");
    }

    @SuppressWarnings("unchecked")
    private static List<String> inFrames(WebDriver d, String script, Object... args) {
        return (List<String>) ((JavascriptExecutor) d).executeAsyncScript(script, args);
    }

    @Test
    void naughtyStringsAndXssVectorsInEveryFieldNeverRunScript() throws Exception {
        long started = System.nanoTime();
        List<String> vectors = new ArrayList<>(BadInputIT.naughtyStrings());
        int naughty = vectors.size();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("xss/filter-evasion.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("# ")) {
                    vectors.add(line);
                }
            }
        }
        assertThat(vectors).hasSizeGreaterThan(550);
        String slug = CommentSupport.firstArticle(new Browserless(site.baseUrl()), "en");
        String stamp = "x" + System.nanoTime();
        // Akismet has nothing to do with escaping: with it off, the site does not check 580 comments in the
        // background while the pages are rendered (every other check still runs).
        CommentSupport.configure(admin, 0, 0, "no-akismet-for-this-test");
        try {
            postAndOpenEveryVector(vectors, naughty, slug, stamp, started);
        } finally {
            CommentSupport.configure(admin, 0, 0);
        }
    }

    private void postAndOpenEveryVector(List<String> vectors, int naughty, String slug, String stamp, long started)
            throws Exception {

        // Every vector in every field, stored: posted over raw HTTP (no browser normalises the bytes) by four readers.
        Map<Integer, Long> storedByVector = new ConcurrentHashMap<>();
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> posts = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = t;
                posts.add(readers.submit(() -> {
                    Browserless reader = new Browserless(site.baseUrl());
                    HttpResponse<String> form = reader.get("/en/" + slug);
                    for (int i = first; i < vectors.size(); i += 4) {
                        String v = vectors.get(i);
                        Map<String, String> fields = new LinkedHashMap<>();
                        fields.put("name", v.isBlank() ? "n" : v.length() > 100 ? v.substring(0, 100) : v);
                        fields.put("email", "v" + i + "." + stamp + "@example.org");
                        fields.put("url", PlainText.safeUrl(v).isPresent() && v.length() <= 500 ? v : "");
                        fields.put("body", v.isBlank() ? "b" : v);
                        HttpResponse<String> r = reader.submit(form, "comment", fields, "post",
                                "X-Forwarded-For", "10.9." + (i / 250) + "." + (i % 250));
                        assertThat(r.statusCode()).as("vector %d", i).isIn(303, 200);
                        int index = i;
                        r.headers().firstValue("Location").map(l -> l.replaceFirst("^.*#comment-", ""))
                                .filter(id -> id.matches("[0-9]+")).map(Long::valueOf).ifPresent(id -> storedByVector.put(index, id));
                    }
                    return null;
                }));
            }
            for (Future<?> f : posts) {
                f.get(15, TimeUnit.MINUTES);
            }
        } finally {
            readers.shutdownNow();
        }
        List<Long> stored = List.copyOf(storedByVector.values());
        assertThat(stored).hasSizeGreaterThan(500);
        // Their own pages in the back office: every filter-evasion vector's, and every fifth naughty string's.
        List<Long> detailed = storedByVector.entrySet().stream().filter(e -> e.getKey() >= naughty || e.getKey() % 5 == 0)
                .map(Map.Entry::getValue).toList();
        long afterStoring = System.nanoTime();

        List<String> executed = new ArrayList<>();
        int refused = 0;
        int pages = (stored.size() + 24) / 25;
        try (BrowserSession browser = BrowserSession.open("en")) {
            hook(browser);
            WebDriver d = browser.driver();
            d.manage().timeouts().scriptTimeout(Duration.ofMinutes(5)).pageLoadTimeout(Duration.ofMinutes(3));

            // Every vector in every field, refused (the e-mail is never valid then): posted by Chromium through
            // the article's form, forty at a time into iframes of the same page, each answer rendered in its frame.
            d.get(site.baseUrl() + "/en/" + slug);
            for (int from = 0; from < vectors.size(); from += 40) {
                List<Map<String, String>> batch = new ArrayList<>();
                for (String v : vectors.subList(from, Math.min(vectors.size(), from + 40))) {
                    Map<String, String> bad = new LinkedHashMap<>();
                    bad.put("name", v);
                    bad.put("email", v.contains("@") ? v + " @" : v);
                    bad.put("url", v.isBlank() ? "javascript:x" : v);
                    bad.put("body", v);
                    batch.add(bad);
                }
                for (String landed : inFrames(d, POST_IN_FRAMES, batch)) {
                    assertThat(landed).as("a refused form is shown again").contains("/comments/post").contains(" form");
                    if (landed.endsWith(" message")) {
                        refused++;
                    }
                }
                executed.addAll(fired(d).stream().map(s -> "refused form: " + s).toList());
                removeFrames(d);
            }
            assertThat(refused).isGreaterThan(500);
            long afterRefused = System.nanoTime();

            login(d);
            approveInQueue(d, stamp);
            d.get(site.baseUrl() + "/en/" + slug);
            assertThat(d.getPageSource()).contains("comment-list");
            assertThat(d.findElements(By.cssSelector(".comment"))).hasSizeGreaterThanOrEqualTo(stored.size());
            executed.addAll(fired(d).stream().map(s -> "article: " + s).toList());

            long afterArticle = System.nanoTime();
            // The queue, every page, then every stored comment's own page, opened in iframes of a back-office page.
            String queue = "/backoffice/comments?tab=APPROVED&q=" + stamp;
            d.get(site.baseUrl() + queue);
            executed.addAll(fired(d).stream().map(s -> "queue: " + s).toList());
            List<String> queuePages = new ArrayList<>();
            for (int page = 2; page <= pages; page++) {
                queuePages.add(queue + "&page=" + page);
            }
            assertThat(queuePages).isNotEmpty();
            for (String opened : inFrames(d, OPEN_IN_FRAMES, queuePages, "comments")) {
                assertThat(opened).endsWith(" ok");
            }
            executed.addAll(fired(d).stream().map(s -> "queue: " + s).toList());
            removeFrames(d);
            long afterQueue = System.nanoTime();
            for (int from = 0; from < detailed.size(); from += 30) {
                List<String> details = detailed.subList(from, Math.min(detailed.size(), from + 30)).stream()
                        .map(id -> "/backoffice/comment?id=" + id).toList();
                for (String opened : inFrames(d, OPEN_IN_FRAMES, details, "history")) {
                    assertThat(opened).endsWith(" ok");
                }
                executed.addAll(fired(d).stream().map(s -> "comment page: " + s).toList());
                removeFrames(d);
            }
            System.out.printf("CommentsBrowserIT phases: refused %.0f s, approve and article %.0f s, queue %.0f s,"
                    + " comment pages %.0f s%n", (afterRefused - afterStoring) / 1e9, (afterArticle - afterRefused) / 1e9,
                    (afterQueue - afterArticle) / 1e9, (System.nanoTime() - afterQueue) / 1e9);
        }
        assertThat(executed).as("script that ran").isEmpty();
        System.out.printf("CommentsBrowserIT: %d vectors; stored %d over HTTP in %.0f s; refused %d, article, %d queue pages"
                        + " and %d comment pages in Chromium; %.0f s in all%n", vectors.size(), stored.size(),
                (afterStoring - started) / 1e9, refused, pages, detailed.size(), (System.nanoTime() - started) / 1e9);
    }
}
