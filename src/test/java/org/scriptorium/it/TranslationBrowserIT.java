package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.testing.BrowserSession;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;
import org.scriptorium.testing.SiteUsers;
import org.scriptorium.testing.DatabaseNeutral;

/**
 * The whole translation workflow in a real browser (Chromium): an editor writes an Italian article with an
 * image in the rich-text editor and publishes it; a translator translates it into Spanish from the side-by-side
 * editor reached through the translation matrix and publishes it; the public site links the two through the
 * language switcher and hreflang; then the editor changes the Italian title and the translator sees the
 * Spanish translation marked outdated, naming the changed field.
 */
@DatabaseNeutral
class TranslationBrowserIT {

    private static final String TRANSLATOR = "traductora.browser@scriptorium.test";
    private static final String TRANSLATOR_PASSWORD = "una clave bastante larga";
    private static PayaraProcess site;

    @BeforeAll
    static void start() {
        site = RunningSite.get();
        SiteUsers.ensure(TRANSLATOR, "Teresa Traductora", TRANSLATOR_PASSWORD, Set.of(Role.TRANSLATOR), Set.of("es"));
    }

    private static WebDriverWait waiting(WebDriver d) {
        return new WebDriverWait(d, Duration.ofSeconds(30));
    }

    private static void logIn(WebDriver d, String email, String password) {
        d.get(site.baseUrl() + "/backoffice/login");
        d.findElement(By.id("login:email")).sendKeys(email);
        d.findElement(By.id("login:password")).sendKeys(password);
        d.findElement(By.id("login:submit")).click();
        waiting(d).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private static void submitAndWait(WebDriver d, String buttonId, String saved) {
        d.findElement(By.id(buttonId)).click();
        waiting(d).until(ExpectedConditions.urlContains("saved=" + saved));
    }

    private static void replaceText(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void anEditorWritesATranslatorTranslatesTheSiteLinksThemAndAChangeMarksTheTranslationOutdated() {
        String stamp = Long.toString(System.nanoTime(), 36);
        String italianTitle = "Il giardino verticale " + stamp;
        String spanishTitle = "El jardín vertical " + stamp;
        long articleId;
        String italianSlug;
        try (BrowserSession browser = BrowserSession.open("it")) {
            WebDriver d = browser.driver();
            logIn(d, RunningSite.ADMIN_EMAIL, RunningSite.ADMIN_PASSWORD);
            d.get(site.baseUrl() + "/backoffice/article?lang=it");
            d.findElement(By.id("editor:title")).sendKeys(italianTitle);
            d.findElement(By.id("editor:excerpt")).sendKeys("Piante sui muri della città.");
            WebElement rich = d.findElement(By.id("editor-body-rich"));
            assertThat(d.findElement(By.id("editor:body")).isDisplayed()).as("the textarea gives way to the editor").isFalse();
            rich.click();
            rich.sendKeys("Sui muri crescono le felci. ");
            d.findElement(By.cssSelector(".bo-rt__button[data-command='bold']")).click();
            rich.sendKeys("Anche d'inverno.");
            Select images = new Select(d.findElement(By.id("editor:featuredImage")));
            assertThat(images.getOptions()).as("the media library offers images").hasSizeGreaterThan(1);
            images.selectByIndex(1);
            String image = images.getFirstSelectedOption().getAttribute("value");
            assertThat(d.findElement(By.id("featured-preview")).getAttribute("src")).endsWith(image);
            d.findElement(By.id("editor:imageAlt")).sendKeys("Un muro coperto di felci");
            submitAndWait(d, "editor:publish", "PUBLISH");

            Matcher id = Pattern.compile("[?&]id=(\\d+)").matcher(d.getCurrentUrl());
            assertThat(id.find()).isTrue();
            articleId = Long.parseLong(id.group(1));
            assertThat(d.findElement(By.id("editor:body")).getAttribute("value"))
                    .contains("Sui muri crescono le felci.").containsPattern("<b>Anche d(&#39;|')inverno.</b>").doesNotContain("<script");
            italianSlug = d.findElement(By.id("editor:slug")).getAttribute("value");
            assertThat(italianSlug).startsWith("il-giardino-verticale-");
        }

        try (BrowserSession browser = BrowserSession.open("es")) {
            WebDriver d = browser.driver();
            logIn(d, TRANSLATOR, TRANSLATOR_PASSWORD);
            d.get(site.baseUrl() + "/backoffice/translations");
            WebElement cell = d.findElement(By.cssSelector("tr[data-article='" + articleId + "'] td[data-language='es']"));
            assertThat(cell.getAttribute("data-state")).isEqualTo("MISSING");
            assertThat(d.findElements(By.cssSelector("tr[data-article='" + articleId + "'] td[data-language='fr'] a")))
                    .as("not the translator's language").isEmpty();
            cell.findElement(By.tagName("a")).click();
            waiting(d).until(ExpectedConditions.presenceOfElementLocated(By.id("source")));
            assertThat(d.findElement(By.id("source")).getText()).contains(italianTitle).contains("Sui muri crescono le felci.");
            assertThat(d.findElement(By.id("editor:title")).getAttribute("value")).isEqualTo(italianTitle);
            replaceText(d.findElement(By.id("editor:title")), spanishTitle);
            replaceText(d.findElement(By.id("editor:excerpt")), "Plantas en los muros de la ciudad.");
            WebElement rich = d.findElement(By.id("editor-body-rich"));
            ((JavascriptExecutor) d).executeScript("arguments[0].innerHTML = '';", rich);
            rich.click();
            rich.sendKeys("En los muros crecen los helechos. Incluso en invierno.");
            replaceText(d.findElement(By.id("editor:imageAlt")), "Un muro cubierto de helechos");
            submitAndWait(d, "editor:publish", "PUBLISH");
            assertThat(d.findElement(By.id("editor:body")).getAttribute("value")).contains("En los muros crecen los helechos.");
        }

        try (BrowserSession browser = BrowserSession.open("it")) {
            WebDriver d = browser.driver();
            d.get(site.baseUrl() + "/it/" + italianSlug);
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo(italianTitle);
            List<WebElement> alternates = d.findElements(By.cssSelector("link[rel='alternate'][hreflang='es']"));
            assertThat(alternates).hasSize(1);
            String spanishUrl = alternates.get(0).getAttribute("href");
            assertThat(d.findElements(By.cssSelector("link[rel='alternate'][hreflang='it']"))).hasSize(1);
            WebElement switcher = d.findElement(By.cssSelector("nav.language-bar a[hreflang='es']"));
            switcher.click();
            waiting(d).until(ExpectedConditions.textToBe(By.tagName("h1"), spanishTitle));
            assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
            assertThat(d.getCurrentUrl()).isEqualTo(spanishUrl);
            assertThat(d.findElements(By.cssSelector("link[rel='alternate'][hreflang='it']"))).hasSize(1);
            assertThat(d.findElement(By.cssSelector("nav.language-bar a[hreflang='it']")).getAttribute("href"))
                    .contains("/it/" + italianSlug);
        }

        try (BrowserSession browser = BrowserSession.open("it")) {
            WebDriver d = browser.driver();
            logIn(d, RunningSite.ADMIN_EMAIL, RunningSite.ADMIN_PASSWORD);
            d.get(site.baseUrl() + "/backoffice/article?id=" + articleId + "&lang=it");
            replaceText(d.findElement(By.id("editor:title")), "Il giardino verticale d'inverno " + stamp);
            submitAndWait(d, "editor:save", "SAVE");
        }

        try (BrowserSession browser = BrowserSession.open("es")) {
            WebDriver d = browser.driver();
            logIn(d, TRANSLATOR, TRANSLATOR_PASSWORD);
            d.get(site.baseUrl() + "/backoffice/translations");
            assertThat(d.findElement(By.cssSelector("tr[data-article='" + articleId + "'] td[data-language='es']"))
                    .getAttribute("data-state")).isEqualTo("OUTDATED");
            d.findElement(By.cssSelector("tr[data-article='" + articleId + "'] td[data-language='es'] a")).click();
            waiting(d).until(ExpectedConditions.presenceOfElementLocated(By.id("outdated")));
            assertThat(d.findElement(By.id("outdated-fields")).getText()).contains("Título").doesNotContain("Texto");
            assertThat(d.findElement(By.cssSelector("#outdated ins")).getText()).contains("d'inverno");
            assertThat(browser.accessibilityViolations()).as("the side-by-side editor").isEmpty();
        }
    }
}
