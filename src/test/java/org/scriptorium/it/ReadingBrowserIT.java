package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.scriptorium.testing.BrowserSession;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;

/** A reader in a real browser: reading, switching language, and the accessibility of what they see. */
class ReadingBrowserIT {

    private static PayaraProcess site;

    @BeforeAll
    static void start() {
        site = RunningSite.get();
    }

    private static String lang(WebDriver d) {
        return d.findElement(By.tagName("html")).getAttribute("lang");
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

            d.findElement(By.cssSelector(".language-bar a[lang='es']")).click();
            assertThat(lang(d)).isEqualTo("es");
            assertThat(d.getCurrentUrl()).contains("/es/fibra-en-el-pueblo");
            assertThat(d.findElement(By.tagName("h1")).getText()).isNotEqualTo(italianTitle).contains("Fontelheira");

            d.findElement(By.cssSelector(".language-bar a[lang='en']")).click();
            assertThat(lang(d)).isEqualTo("en");
            assertThat(d.getCurrentUrl()).endsWith("/en/");
            assertThat(d.getPageSource()).doesNotContain("Page not found");
        }
    }

    @Test
    void theHomeAndAnArticlePassAxeWcag21AA() {
        try (BrowserSession browser = BrowserSession.open("en")) {
            WebDriver d = browser.driver();
            d.get(site.baseUrl() + "/en/");
            assertThat(browser.accessibilityViolations()).as("home").isEmpty();
            d.findElement(By.cssSelector(".article-card a")).click();
            assertThat(browser.accessibilityViolations()).as("article " + d.getCurrentUrl()).isEmpty();
        }
    }
}
