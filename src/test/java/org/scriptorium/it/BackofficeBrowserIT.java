package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.scriptorium.testing.BrowserSession;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;
import org.scriptorium.testing.DatabaseNeutral;

/**
 * The back office with a real browser and only the keyboard: log in by typing and Enter, the first Tab reaches
 * the skip link, and every administration page passes axe-core (WCAG 2.1 A and AA: labels, contrast, names),
 * the category form also while it shows its errors. The article editor asks before a page with unsaved changes
 * is left, and not once they are saved.
 */
@DatabaseNeutral
class BackofficeBrowserIT {

    private static final List<String> PAGES = List.of("/backoffice/", "/backoffice/categories", "/backoffice/category",
            "/backoffice/tags", "/backoffice/tag", "/backoffice/authors", "/backoffice/users", "/backoffice/user",
            "/backoffice/settings", "/backoffice/audit", "/backoffice/profile");

    private static PayaraProcess site;

    @BeforeAll
    static void start() {
        site = RunningSite.get();
    }

    @Test
    void theAdministrationPagesWorkWithTheKeyboardAndPassAxe() {
        try (BrowserSession browser = BrowserSession.open("en")) {
            WebDriver d = browser.driver();
            d.get(site.baseUrl() + "/backoffice/forgot-password");
            List<String> violations = new ArrayList<>(prefixed("/backoffice/forgot-password", browser.accessibilityViolations()));
            d.get(site.baseUrl() + "/backoffice/login");
            d.findElement(By.id("login:email")).sendKeys(RunningSite.ADMIN_EMAIL);
            d.findElement(By.id("login:password")).sendKeys(RunningSite.ADMIN_PASSWORD, Keys.ENTER);
            new WebDriverWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

            new Actions(d).sendKeys(Keys.TAB).perform();
            assertThat(d.switchTo().activeElement().getAttribute("class")).isEqualTo("bo-skip");
            assertThat(d.switchTo().activeElement().isDisplayed()).isTrue();
            d.switchTo().activeElement().sendKeys(Keys.ENTER);
            assertThat(d.switchTo().activeElement().getAttribute("id")).isEqualTo("main");

            for (String page : PAGES) {
                d.get(site.baseUrl() + page);
                violations.addAll(prefixed(page, browser.accessibilityViolations()));
            }
            assertThat(violations).isEmpty();
        }
    }

    @Test
    void theCategoryFormShowingItsErrorsStillPassesAxe() {
        try (BrowserSession browser = BrowserSession.open("en")) {
            WebDriver d = browser.driver();
            logIn(d);
            d.get(site.baseUrl() + "/backoffice/category");
            d.findElement(By.id("category:description_en")).sendKeys("A description without a name");
            d.findElement(By.id("category:save")).click();
            List<WebElement> errors = new WebDriverWait(d, Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("#category .bo-error")));
            assertThat(errors).isNotEmpty();
            assertThat(d.findElements(By.cssSelector("#category [aria-invalid='true']"))).isNotEmpty();
            assertThat(browser.accessibilityViolations()).isEmpty();
        }
    }

    /**
     * Headless Chromium driven by WebDriver never shows the "leave this page?" dialog (the driver answers it), so
     * the test watches the real {@code beforeunload} event of a real navigation: a listener added after the
     * editor's own records in {@code window.name}, which survives the navigation, whether the editor cancelled
     * the event, which is what makes a browser ask.
     */
    @Test
    void theEditorWarnsBeforeLeavingUnsavedChangesAndNotOnceTheyAreSaved() {
        try (BrowserSession browser = BrowserSession.open("en")) {
            WebDriver d = browser.driver();
            logIn(d);
            String editor = site.baseUrl() + "/backoffice/article?lang=en";
            String dashboard = site.baseUrl() + "/backoffice/";

            d.get(editor);
            watchLeaving(d);
            leave(d, dashboard);
            assertThat(leftWithWarning(d)).as("nothing typed, no warning").isFalse();

            d.get(editor);
            d.findElement(By.id("editor:title")).sendKeys("Unsaved thoughts " + System.nanoTime());
            watchLeaving(d);
            leave(d, dashboard);
            assertThat(leftWithWarning(d)).as("a typed title is warned about").isTrue();

            d.get(editor);
            d.findElement(By.id("editor:title")).sendKeys("Thoughts worth keeping " + System.nanoTime());
            d.findElement(By.id("editor:excerpt")).sendKeys("An excerpt worth keeping");
            watchLeaving(d);
            d.findElement(By.id("editor:save")).click();
            new WebDriverWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
            assertThat(leftWithWarning(d)).as("saving leaves without a warning").isFalse();
            assertThat(d.findElement(By.id("editor:excerpt")).getAttribute("value")).isEqualTo("An excerpt worth keeping");

            watchLeaving(d);
            leave(d, dashboard);
            assertThat(leftWithWarning(d)).as("the saved page has nothing unsaved").isFalse();
        }
    }

    private static void watchLeaving(WebDriver d) {
        ((JavascriptExecutor) d).executeScript("window.name = 'watching';"
                + "window.addEventListener('beforeunload', function (e) { window.name = 'warned=' + e.defaultPrevented; });");
    }

    private static void leave(WebDriver d, String to) {
        ((JavascriptExecutor) d).executeScript("window.location.href = arguments[0];", to);
        new WebDriverWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(to));
    }

    private static boolean leftWithWarning(WebDriver d) {
        Object name = ((JavascriptExecutor) d).executeScript("return window.name;");
        assertThat(name).as("the page was left through beforeunload").isIn("warned=true", "warned=false");
        return "warned=true".equals(name);
    }

    private static void logIn(WebDriver d) {
        d.get(site.baseUrl() + "/backoffice/login");
        d.findElement(By.id("login:email")).sendKeys(RunningSite.ADMIN_EMAIL);
        d.findElement(By.id("login:password")).sendKeys(RunningSite.ADMIN_PASSWORD, Keys.ENTER);
        new WebDriverWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private static List<String> prefixed(String page, List<String> violations) {
        return violations.stream().map(v -> page + ": " + v).toList();
    }
}
