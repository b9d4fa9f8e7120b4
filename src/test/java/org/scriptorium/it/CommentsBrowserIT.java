package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

/**
 * Comments in a real Chromium: a reader posts and replies, a moderator approves in the back office, and the
 * thread appears on the article. Then every naughty string and every classic XSS filter-evasion vector is
 * posted in every field, approved, and the article, the moderation queue and the refused forms are opened
 * with alert/confirm/prompt hooked: none may run.
 */
class CommentsBrowserIT {

    private static final String HOOK = "window.__xss = [];"
            + "['alert','confirm','prompt','print'].forEach(function (n) {"
            + "  window[n] = function (m) { window.__xss.push(n + ':' + m); }; });";

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
            Object r = ((JavascriptExecutor) d).executeScript("return window.__xss || [];");
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
        new WebDriverWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("done="));
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

    @Test
    void naughtyStringsAndXssVectorsInEveryFieldNeverRunScript() throws Exception {
        List<String> vectors = new ArrayList<>(BadInputIT.naughtyStrings());
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("xss/filter-evasion.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("# ")) {
                    vectors.add(line);
                }
            }
        }
        assertThat(vectors).hasSizeGreaterThan(550);
        Browserless reader = new Browserless(site.baseUrl());
        String slug = CommentSupport.firstArticle(reader, "en");
        String stamp = "x" + System.nanoTime();
        Path refusedPages = Files.createTempDirectory("refused-comments");
        HttpResponse<String> form = reader.get("/en/" + slug);
        int accepted = 0;
        List<Path> refused = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            String v = vectors.get(i);
            String name = v.isBlank() ? "n" : v.length() > 100 ? v.substring(0, 100) : v;
            String body = v.isBlank() ? "b" : v;
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("name", name);
            fields.put("email", "v" + i + "." + stamp + "@example.org");
            fields.put("url", PlainText.safeUrl(v).isPresent() && v.length() <= 500 ? v : "");
            fields.put("body", body);
            HttpResponse<String> r = reader.submit(form, "comment", fields, "post", "X-Forwarded-For", "10.9." + (i / 250) + "." + (i % 250));
            assertThat(r.statusCode()).as("vector %d", i).isIn(303, 200);
            if (r.statusCode() == 303) {
                accepted++;
            }
            Map<String, String> bad = new LinkedHashMap<>();
            bad.put("name", v);
            bad.put("email", v);
            bad.put("url", v.isBlank() ? "javascript:x" : v);
            bad.put("body", v);
            HttpResponse<String> invalid = reader.submit(form, "comment", bad, "post", "X-Forwarded-For", "10.8." + (i / 250) + "." + (i % 250));
            if (invalid.statusCode() == 200) {
                Path file = refusedPages.resolve("refused-" + i + ".html");
                Files.writeString(file, invalid.body());
                refused.add(file);
            } else {
                assertThat(invalid.statusCode()).as("vector %d", i).isEqualTo(303);
            }
        }
        assertThat(accepted).isGreaterThan(500);
        assertThat(refused).hasSizeGreaterThan(400);

        List<String> executed = new ArrayList<>();
        try (BrowserSession browser = BrowserSession.open("en")) {
            hook(browser);
            WebDriver d = browser.driver();
            login(d);
            approveInQueue(d, stamp);
            d.get(site.baseUrl() + "/en/" + slug);
            assertThat(d.getPageSource()).contains("comment-list");
            executed.addAll(fired(d).stream().map(s -> "article: " + s).toList());
            for (int page = 1; page <= 30; page++) {
                d.get(site.baseUrl() + "/backoffice/comments?tab=APPROVED&q=" + stamp + "&page=" + page);
                executed.addAll(fired(d).stream().map(s -> "queue: " + s).toList());
                if (d.findElements(By.cssSelector("a[rel=next]")).isEmpty()) {
                    break;
                }
            }
            long id = CommentSupport.firstRow(admin.get("/backoffice/comments?tab=APPROVED&q=" + stamp).body());
            for (long c = id; c > id - 40; c--) {
                d.get(site.baseUrl() + "/backoffice/comment?id=" + c);
                executed.addAll(fired(d).stream().map(s -> "detail: " + s).toList());
            }
            for (Path file : refused) {
                d.get(file.toUri().toString());
                executed.addAll(fired(d).stream().map(s -> file.getFileName() + ": " + s).toList());
            }
        } finally {
            deleteAll(refusedPages);
        }
        assertThat(executed).as("script that ran").isEmpty();
    }

    private static void deleteAll(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }
}
