package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.scriptorium.testing.BrowserSession;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;

/**
 * The back office with a real browser and only the keyboard: log in by typing and Enter, the first Tab reaches
 * the skip link, and every administration page passes axe-core (WCAG 2.1 A and AA: labels, contrast, names).
 */
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

    private static List<String> prefixed(String page, List<String> violations) {
        return violations.stream().map(v -> page + ": " + v).toList();
    }
}
