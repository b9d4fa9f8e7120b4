package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.scriptorium.testing.BrowserSession;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.PushServiceTestServer;
import org.scriptorium.testing.PushServiceTestServer.BrowserSubscription;
import org.scriptorium.testing.RunningSite;

/**
 * The push prompt in a real browser (headless Chromium): it appears in the page's language, "No thanks" hides
 * it for the following pages (and for the configured days only), and "OK" with the notification permission
 * granted registers the service worker and a subscription that then receives a notification, which the
 * service worker shows with its title, text, icon, language and link.
 *
 * <p>Headless Chromium here has no network, so its own {@code pushManager.subscribe()} cannot reach Google's
 * push service (FCM) and fails; the test records that failure as it happens and then replaces only that one
 * browser call with a subscription made by the test's push service (real keys, a real endpoint on the loopback
 * interface). Everything else is the browser's and the site's own: the permission, the service worker
 * registration at {@code /sw.js}, the prompt's script, its POST with the token, the server's storage, and the
 * encrypted delivery.
 */
class PushBrowserIT {

    private static PayaraProcess site;
    private static PushServiceTestServer pushService;

    @BeforeAll
    static void start() throws Exception {
        site = RunningSite.get();
        pushService = PushServiceTestServer.start();
    }

    @AfterAll
    static void stop() {
        if (pushService != null) {
            pushService.close();
        }
    }

    private static String state(WebDriver d) {
        new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> x.findElement(By.id("push")).getAttribute("data-state") != null);
        return d.findElement(By.id("push")).getAttribute("data-state");
    }

    @Test
    void thePromptSpeaksThePageLanguageAndNoThanksKeepsItAwayOnTheNextPages() {
        try (BrowserSession browser = BrowserSession.open("de")) {
            WebDriver d = browser.driver();
            d.get(site.baseUrl() + "/de/");
            assertThat(state(d)).isEqualTo("unsubscribed");
            assertThat(d.findElement(By.id("push-prompt")).isDisplayed()).isTrue();
            assertThat(d.findElement(By.id("push-prompt-text")).getText())
                    .isEqualTo("Möchten Sie benachrichtigt werden, wenn wir einen neuen Artikel veröffentlichen?");
            assertThat(d.findElement(By.id("push-ok")).getText()).isEqualTo("OK");
            assertThat(d.findElement(By.id("push-no")).getText()).isEqualTo("Nein, danke");
            assertThat(browser.accessibilityViolations()).isEmpty();

            d.findElement(By.id("push-no")).click();
            assertThat(d.findElement(By.id("push-prompt")).isDisplayed()).isFalse();
            assertThat(d.findElement(By.id("push-on")).isDisplayed()).isTrue();

            d.findElement(By.cssSelector("a[href*='/de/category/']")).click();
            new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> x.getCurrentUrl().contains("/de/category/"));
            assertThat(state(d)).isEqualTo("unsubscribed");
            assertThat(d.findElement(By.id("push-prompt")).isDisplayed()).isFalse();
            assertThat(d.findElement(By.id("push-on")).getText()).isEqualTo("Benachrichtigungen einschalten");

            JavascriptExecutor js = (JavascriptExecutor) d;
            js.executeScript("localStorage.setItem('scriptorium.push.declined', String(Date.now() - 31 * 86400000));");
            d.navigate().refresh();
            state(d);
            assertThat(d.findElement(By.id("push-prompt")).isDisplayed()).as("asked again after 30 days").isTrue();
        }
    }

    @Test
    void okWithPermissionGrantedRegistersTheServiceWorkerAndASubscriptionThatReceivesNotifications() throws Exception {
        try (BrowserSession browser = BrowserSession.open("it")) {
            ChromeDriver d = (ChromeDriver) browser.driver();
            JavascriptExecutor js = d;
            d.executeCdpCommand("Browser.grantPermissions", Map.of("origin", site.baseUrl(),
                    "permissions", List.of("notifications")));

            d.get(site.baseUrl() + "/it/");
            assertThat(state(d)).isEqualTo("unsubscribed");
            assertThat(d.findElement(By.id("push-prompt-text")).getText())
                    .isEqualTo("Vuoi ricevere una notifica quando pubblichiamo un nuovo articolo?");
            d.findElement(By.id("push-ok")).click();
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
            wait.until(x -> "subscribing".equals(x.findElement(By.id("push")).getAttribute("data-step")));
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < until && d.findElement(By.id("push")).getAttribute("data-error") == null
                    && "subscribing".equals(d.findElement(By.id("push")).getAttribute("data-step"))) {
                Thread.sleep(250);
            }
            String error = d.findElement(By.id("push")).getAttribute("data-error");
            String reached = d.findElement(By.id("push")).getAttribute("data-step");
            System.out.println("Headless Chromium's own pushManager.subscribe(), offline: " + (error != null
                    ? "rejected with: " + error : "subscribing".equals(reached)
                    ? "neither resolved nor rejected within 20 s" : "went on to step " + reached));
            assertThat(js.executeScript("return Notification.permission")).isEqualTo("granted");
            Object scope = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "navigator.serviceWorker.getRegistration('/').then(function (r) { done(r ? r.scope : null); });");
            assertThat(scope).as("the service worker is registered for the whole site").isEqualTo(site.baseUrl() + "/");

            BrowserSubscription subscription = pushService.subscribe();
            d.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", stub(subscription)));
            d.get(site.baseUrl() + "/it/");
            state(d);
            d.findElement(By.id("push-ok")).click();
            wait.until(x -> "subscribed".equals(x.findElement(By.id("push")).getAttribute("data-state")));
            assertThat(d.findElement(By.id("push-status")).getText()).isEqualTo("Le notifiche sono attive.");
            assertThat(d.findElement(By.id("push-off")).getText()).isEqualTo("Disattiva le notifiche");
            assertThat(d.findElement(By.id("push-prompt")).isDisplayed()).isFalse();
            assertThat(js.executeScript("return window.__pushStub.calls[0].userVisibleOnly")).isEqualTo(true);
            assertThat(js.executeScript("return window.__pushStub.calls[0].key"))
                    .isEqualTo(d.findElement(By.id("push")).getAttribute("data-key"));

            Browserless editor = new Browserless(site.baseUrl());
            HttpResponse<String> login = editor.get("/backoffice/login", "Accept-Language", "it");
            editor.submit(login, "login", Map.of("email", RunningSite.ADMIN_EMAIL, "password", RunningSite.ADMIN_PASSWORD),
                    "submit", "X-Forwarded-For", "192.0.2.95");
            HttpResponse<String> page = editor.get("/backoffice/push", "Accept-Language", "it");
            String stamp = String.valueOf(System.nanoTime());
            Map<String, String> fields = Map.of("language", "it", "title", "Prova " + stamp, "body", "Dal browser.", "url", "");
            HttpResponse<String> preview = editor.submit(page, "compose", fields, "preview", "Accept-Language", "it");
            assertThat(editor.submit(preview, "compose", fields, "send", "Accept-Language", "it").statusCode()).isEqualTo(302);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (pushService.receivedBy(subscription).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(pushService.receivedBy(subscription)).singleElement().satisfies(r -> {
                assertThat(r.json().path("title").asText()).isEqualTo("Prova " + stamp);
                assertThat(r.json().path("lang").asText()).isEqualTo("it");
            });

            // The service worker shows what the site sent: the decrypted payload, pushed to it through DevTools
            // (the browser's first and only registration in this fresh profile has the id 0).
            d.executeCdpCommand("ServiceWorker.enable", Map.of());
            d.executeCdpCommand("ServiceWorker.deliverPushMessage", Map.of("origin", site.baseUrl(),
                    "registrationId", "0", "data", pushService.receivedBy(subscription).get(0).payload()));
            wait.until(x -> String.valueOf(notifications(js)).contains("Prova " + stamp));
            assertThat(notifications(js)).singleElement().hasToString("Prova " + stamp + "|Dal browser.|"
                    + site.baseUrl() + "/push/icon.svg|it|" + site.baseUrl() + "/it/");

            d.findElement(By.id("push-off")).click();
            wait.until(x -> "unsubscribed".equals(x.findElement(By.id("push")).getAttribute("data-state")));
            assertThat(d.findElement(By.id("push-status")).getText()).isEqualTo("Le notifiche sono disattivate.");
            assertThat(d.findElement(By.id("push-prompt")).isDisplayed()).isFalse();
        }
    }

    /** The notifications the service worker shows, as "title|body|icon|lang|url". */
    private static List<?> notifications(JavascriptExecutor js) {
        return (List<?>) js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "navigator.serviceWorker.getRegistration('/').then(function (r) { return r.getNotifications(); })"
                + ".then(function (list) { done(list.map(function (n) {"
                + "  return [n.title, n.body, n.icon, n.lang, n.data && n.data.url].join('|'); })); })"
                + ".catch(function (e) { done(['failed: ' + e]); });");
    }

    /**
     * Replaces {@code PushManager.subscribe} (the one call that needs Google's push service) with one that
     * answers the test's subscription, recording what the page asked for; {@code getSubscription} answers it too
     * once subscribed.
     */
    private static String stub(BrowserSubscription s) {
        return "(function () {"
                + "var endpoint = '" + s.endpoint() + "', keys = {p256dh: '" + s.p256dh() + "', auth: '" + s.authSecret() + "'};"
                + "window.__pushStub = {active: false, calls: []};"
                + "var sub = {endpoint: endpoint, expirationTime: null,"
                + "  toJSON: function () { return {endpoint: endpoint, expirationTime: null, keys: keys}; },"
                + "  unsubscribe: function () { window.__pushStub.active = false; return Promise.resolve(true); }};"
                + "var original = PushManager.prototype.getSubscription;"
                + "PushManager.prototype.subscribe = function (options) {"
                + "  var bytes = new Uint8Array(options.applicationServerKey);"
                + "  var key = btoa(String.fromCharCode.apply(null, bytes)).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');"
                + "  window.__pushStub.calls.push({userVisibleOnly: options.userVisibleOnly, key: key});"
                + "  window.__pushStub.active = true; return Promise.resolve(sub); };"
                + "PushManager.prototype.getSubscription = function () {"
                + "  return window.__pushStub.active ? Promise.resolve(sub) : original.call(this); };"
                + "})();";
    }
}
