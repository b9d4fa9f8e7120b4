package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.scriptorium.testing.BrowserSession;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;
import org.scriptorium.testing.DatabaseNeutral;

/**
 * A reader and an administrator in a real browser (headless Chromium): reading, switching language,
 * following breadcrumbs, paging through a category, switching the theme, and the accessibility of every
 * page type in both themes (axe-core, WCAG 2.1 A and AA).
 */
@DatabaseNeutral
class ReadingBrowserIT {

    private static PayaraProcess site;

    @BeforeAll
    static void start() {
        site = RunningSite.get();
    }

    private static String lang(WebDriver d) {
        return d.findElement(By.tagName("html")).getAttribute("lang");
    }

    private static WebElement switcherLink(WebDriver d, String code) {
        return d.findElement(By.xpath("//nav[contains(@class,'language-bar')]//a[@lang='" + code + "' or span/@lang='" + code + "']"));
    }

    @Test
    void aReaderSwitchesAnArticleFromItalianToSpanishAndThenToALanguageWithoutIt() {
        try (BrowserSession browser = BrowserSession.open("it-IT,it")) {
            WebDriver d = browser.driver();
            d.get(site.baseUrl() + "/");
            assertThat(d.getCurrentUrl()).endsWith("/it/");
            d.findElement(By.cssSelector("a[href*='/it/fibra-in-paese']")).click();
            assertThat(lang(d)).isEqualTo("it");
            String italianTitle = d.findElement(By.tagName("h1")).getText();

            switcherLink(d, "es").click();
            assertThat(lang(d)).isEqualTo("es");
            assertThat(d.getCurrentUrl()).contains("/es/fibra-en-el-pueblo").doesNotContain("switch");
            assertThat(d.findElement(By.tagName("h1")).getText()).isNotEqualTo(italianTitle).contains("Fontelheira");

            switcherLink(d, "en").click();
            assertThat(lang(d)).isEqualTo("en");
            assertThat(d.getCurrentUrl()).endsWith("/en/?fallback");
            assertThat(d.getPageSource()).doesNotContain("Page not found");
            assertThat(d.findElement(By.id("fallback-notice")).getText()).contains("not available in English");

            d.get(site.baseUrl() + "/");
            assertThat(d.getCurrentUrl()).as("the explicit choice is remembered").endsWith("/en/");
        }
    }

    @Test
    void aReaderFollowsABreadcrumbAndPagesThroughACategory() {
        try (BrowserSession browser = BrowserSession.open("it")) {
            WebDriver d = browser.driver();
            d.get(site.baseUrl() + "/it/");
            d.findElement(By.cssSelector("a[href*='/it/fibra-in-paese']")).click();
            List<WebElement> crumbs = d.findElements(By.cssSelector(".breadcrumbs a"));
            assertThat(crumbs).hasSizeGreaterThanOrEqualTo(3);
            String name = crumbs.get(1).getText();
            crumbs.get(1).click();
            assertThat(d.getCurrentUrl()).contains("/it/category/");
            assertThat(d.findElement(By.tagName("h1")).getText()).contains(name);

            List<String> firstPage = titles(d);
            assertThat(firstPage).isNotEmpty();
            d.findElement(By.cssSelector("a[rel='next']")).click();
            assertThat(d.getCurrentUrl()).contains("page=2");
            List<String> secondPage = titles(d);
            assertThat(secondPage).isNotEmpty().doesNotContainAnyElementsOf(firstPage);
            d.findElement(By.cssSelector("a[rel='prev']")).click();
            assertThat(titles(d)).isEqualTo(firstPage);
        }
    }

    @Test
    void anAdministratorSwitchesTheThemeAndReadersSeeItAndEveryPageTypePassesAxeInBothThemes() {
        try (BrowserSession browser = BrowserSession.open("en")) {
            WebDriver d = browser.driver();
            d.get("data:text/html,<html><head><title>x</title></head><body><img src='x.png'></body></html>");
            assertThat(browser.accessibilityViolations()).as("axe itself reports a missing alt").isNotEmpty();
            List<String> violations = new ArrayList<>();
            violations.addAll(axeOnEveryPageType(browser, "magazine"));
            try {
                chooseTheme(d, "minimal");
                d.get(site.baseUrl() + "/en/");
                assertThat(d.findElement(By.tagName("body")).getAttribute("class")).contains("theme-minimal");
                violations.addAll(axeOnEveryPageType(browser, "minimal"));
            } finally {
                chooseTheme(d, "magazine");
            }
            d.get(site.baseUrl() + "/en/");
            assertThat(d.findElement(By.tagName("body")).getAttribute("class")).contains("theme-magazine");
            assertThat(violations).isEmpty();
        }
    }

    private static List<String> titles(WebDriver d) {
        return d.findElements(By.cssSelector("main h2 a, main h3 a")).stream().map(WebElement::getText).toList();
    }

    private static void chooseTheme(WebDriver d, String theme) {
        d.get(site.baseUrl() + "/backoffice/settings");
        if (d.getCurrentUrl().contains("/backoffice/login")) {
            d.findElement(By.id("login:email")).sendKeys(RunningSite.ADMIN_EMAIL);
            d.findElement(By.id("login:password")).sendKeys(RunningSite.ADMIN_PASSWORD);
            d.findElement(By.id("login:submit")).click();
            new WebDriverWait(d, Duration.ofSeconds(15)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
            d.get(site.baseUrl() + "/backoffice/settings");
        }
        d.findElement(By.cssSelector("input[type='radio'][value='" + theme + "']")).click();
        d.findElement(By.id("settings:save")).click();
        new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("saved=1"));
        assertThat(d.findElement(By.cssSelector(".bo-notice")).isDisplayed()).isTrue();
    }

    private static List<String> axeOnEveryPageType(BrowserSession browser, String theme) {
        WebDriver d = browser.driver();
        List<String> found = new ArrayList<>();
        d.get(site.baseUrl() + "/en/");
        found.addAll(prefixed(theme + " home", browser.accessibilityViolations()));
        d.findElement(By.cssSelector("main h2 a, main h3 a")).click();
        found.addAll(prefixed(theme + " article " + d.getCurrentUrl(), browser.accessibilityViolations()));
        d.findElement(By.cssSelector(".breadcrumbs li:nth-child(2) a")).click();
        found.addAll(prefixed(theme + " category " + d.getCurrentUrl(), browser.accessibilityViolations()));
        d.findElement(By.cssSelector("main h2 a, main h3 a")).click();
        d.findElement(By.cssSelector("a[rel='author']")).click();
        found.addAll(prefixed(theme + " author " + d.getCurrentUrl(), browser.accessibilityViolations()));
        d.get(site.baseUrl() + "/en/search?q=open+source&in=all");
        found.addAll(prefixed(theme + " search " + d.getCurrentUrl(), browser.accessibilityViolations()));
        d.get(site.baseUrl() + "/en/search?q=zzqqxx");
        found.addAll(prefixed(theme + " empty search", browser.accessibilityViolations()));
        return found;
    }

    private static List<String> prefixed(String page, List<String> violations) {
        return violations.stream().map(v -> page + ": " + v).toList();
    }
}
