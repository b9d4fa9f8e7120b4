package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.scriptorium.testing.BrowserSession;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;
import org.scriptorium.testing.DatabaseNeutral;

/**
 * The whole life of a reader's story in Chromium: the call to action on the home page leads to the form, the
 * reader sends a story with a picture, an editor reviews and accepts it, the draft opens in the article
 * editor and is published, and the public article credits the reader as guest author with the picture as
 * featured image, and it is not listed on the page of the editor who published it; the reader's status page
 * says it was accepted.
 */
@DatabaseNeutral
class SubmissionBrowserIT {

    private static PayaraProcess site;

    @BeforeAll
    static void start() {
        site = RunningSite.get();
    }

    @Test
    void submitReviewAcceptPublishAndTheArticleCreditsTheGuestAuthor() throws Exception {
        String stamp = String.valueOf(System.nanoTime());
        String title = "From spreadsheets to an app " + stamp;
        Path picture = Files.createTempFile("workshop", ".png");
        Files.write(picture, MediaLibraryIT.png(1200, 600));
        try (BrowserSession browser = BrowserSession.open("en")) {
            WebDriver d = browser.driver();
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
            d.get(site.baseUrl() + "/en/");
            d.findElement(By.id("publish-with-us")).click();
            wait.until(ExpectedConditions.urlContains("/en/submit"));
            long opened = System.currentTimeMillis();
            d.findElement(By.id("submit:title")).sendKeys(title);
            d.findElement(By.id("submit:summary")).sendKeys("Our workshop replaced forty spreadsheets with one small app.");
            d.findElement(By.id("submit:story")).sendKeys("<p>It took a winter and a lot of <em>patience</em>.</p>");
            d.findElement(By.id("submit:authorName")).sendKeys("Ada Guest " + stamp);
            d.findElement(By.id("submit:email")).sendKeys("ada" + stamp + "@example.org");
            d.findElement(By.id("submit:bio")).sendKeys("Runs a furniture workshop.");
            d.findElement(By.id("submit:image1")).sendKeys(picture.toAbsolutePath().toString());
            d.findElement(By.id("submit:consent")).click();
            long waited = System.currentTimeMillis() - opened;
            if (waited < 3500) {
                Thread.sleep(3500 - waited);
            }
            d.findElement(By.id("submit:send")).click();
            wait.until(ExpectedConditions.urlContains("/submit/status/"));
            String statusUrl = d.getCurrentUrl().replace("?received", "");
            assertThat(d.findElement(By.id("received")).getText()).contains("Thank you");
            assertThat(d.findElement(By.id("status")).getAttribute("data-status")).isEqualTo("NEW");

            d.get(site.baseUrl() + "/backoffice/submissions");
            if (d.getCurrentUrl().contains("/backoffice/login")) {
                d.findElement(By.id("login:email")).sendKeys(RunningSite.ADMIN_EMAIL);
                d.findElement(By.id("login:password")).sendKeys(RunningSite.ADMIN_PASSWORD);
                d.findElement(By.id("login:submit")).click();
                wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
                d.get(site.baseUrl() + "/backoffice/submissions");
            }
            d.findElement(By.linkText(title)).click();
            wait.until(ExpectedConditions.urlContains("/backoffice/submission?id="));
            assertThat(d.findElement(By.id("story-body")).getText()).contains("patience");
            d.findElement(By.id("review:start")).click();
            wait.until(ExpectedConditions.urlContains("done=review"));
            assertThat(d.findElement(By.id("status")).getAttribute("data-status")).isEqualTo("IN_REVIEW");
            d.findElement(By.id("notes:note")).sendKeys("Lovely story, check the numbers.");
            d.findElement(By.id("notes:add")).click();
            wait.until(ExpectedConditions.urlContains("done=noted"));
            assertThat(d.findElement(By.id("note-list")).getText()).contains("check the numbers");
            d.findElement(By.id("decide:message")).sendKeys("We will publish it next week. Thank you!");
            d.findElement(By.id("decide:accept")).click();
            wait.until(ExpectedConditions.urlContains("/backoffice/article"));

            assertThat(d.findElement(By.id("editor:title")).getAttribute("value")).isEqualTo(title);
            assertThat(d.findElement(By.id("editor-state")).getAttribute("data-status")).isEqualTo("DRAFT");
            d.findElement(By.id("editor:publish")).click();
            wait.until(ExpectedConditions.urlContains("saved=PUBLISH"));
            String href = d.findElement(By.id("view-on-site")).getAttribute("href");

            d.get(href);
            assertThat(d.findElement(By.cssSelector("h1")).getText()).isEqualTo(title);
            assertThat(d.findElement(By.id("guest-author")).getText()).isEqualTo("Ada Guest " + stamp);
            assertThat(d.findElement(By.cssSelector(".article__meta")).getText()).contains("guest author");
            assertThat(d.findElement(By.cssSelector(".article__figure img")).getAttribute("src")).contains("/media/");
            assertThat(new Browserless(site.baseUrl()).get("/en/author/administrator").body())
                    .as("the article belongs to the guest's byline, not to the editor who published it").doesNotContain(title);

            d.get(statusUrl);
            assertThat(d.findElement(By.id("status")).getAttribute("data-status")).isEqualTo("ACCEPTED");
            assertThat(d.findElement(By.id("editor-message")).getText()).contains("next week");
        } finally {
            Files.deleteIfExists(picture);
        }
    }
}
