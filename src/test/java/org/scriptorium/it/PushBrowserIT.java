package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.scriptorium.platform.persistence.ConfiguredDataSource;
import org.scriptorium.testing.BrowserSession;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.PushDevTools;
import org.scriptorium.testing.PushServiceTestServer;
import org.scriptorium.testing.PushServiceTestServer.BrowserSubscription;
import org.scriptorium.testing.PushServiceTestServer.Received;
import org.scriptorium.testing.RunningSite;
import org.scriptorium.testing.ServiceWorkerConsole;
import org.scriptorium.testing.DatabaseNeutral;

/**
 * The push prompt in a real browser (headless Chromium): it appears in the page's language, "No thanks" hides
 * it for the following pages (and for the configured days only), a refused permission is told and not asked
 * again, and "OK" with the notification permission granted registers the service worker and a subscription
 * (stored with its language and consent) that then receives a published article, which the service worker
 * shows with its title, excerpt, icon, language and link, and opens in the reader's language when clicked.
 *
 * <p>Headless Chromium here has no network, so its own {@code pushManager.subscribe()} cannot reach Google's
 * push service (FCM): the call never settles, or fails; the test records which, then replaces only that one
 * browser call (and {@code getSubscription}, which must then remember it) with a subscription made by the test's
 * push service (real keys, a real endpoint on the loopback interface). Everything else is the browser's and the
 * site's own: the permission, the service worker registration at {@code /sw.js}, the prompt's script, its POST
 * with the token, the server's storage, and the encrypted delivery. A headless browser also has no notification
 * on screen to click: see {@link #click}.
 */
@DatabaseNeutral
class PushBrowserIT {

    private static PayaraProcess site;
    private static PushServiceTestServer pushService;

    @BeforeAll
    static void start() throws Exception {
        site = RunningSite.get();
        pushService = PushServiceTestServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (pushService != null) {
            pushService.close();
        }
        PushIT.withdrawPublished();
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
            JavascriptExecutor js = (JavascriptExecutor) d;
            assertThat(js.executeScript("return Notification.permission")).as("the browser was not asked on its own")
                    .isEqualTo("default");

            d.findElement(By.id("push-no")).click();
            assertThat(d.findElement(By.id("push-prompt")).isDisplayed()).isFalse();
            assertThat(d.findElement(By.id("push-on")).isDisplayed()).isTrue();

            d.findElement(By.cssSelector("a[href*='/de/category/']")).click();
            new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> x.getCurrentUrl().contains("/de/category/"));
            assertThat(state(d)).isEqualTo("unsubscribed");
            assertThat(d.findElement(By.id("push-prompt")).isDisplayed()).isFalse();
            assertThat(d.findElement(By.id("push-on")).getText()).isEqualTo("Benachrichtigungen einschalten");

            js.executeScript("localStorage.setItem('scriptorium.push.declined', String(Date.now() - 29 * 86400000));");
            d.navigate().refresh();
            state(d);
            assertThat(d.findElement(By.id("push-prompt")).isDisplayed()).as("still hidden after 29 days").isFalse();
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

            assertThat(storedLanguage(subscription.endpoint())).as("stored with the page's language").contains("it");
            assertThat(consent(subscription.endpoint())).as("in the one consent log").isEqualTo("push|it|/it/|true");

            // An Italian article is published: the push service receives it for this browser, decrypted and signed.
            String stamp = String.valueOf(System.nanoTime());
            String title = "Notte dei musei " + stamp;
            String excerpt = "Sale aperte fino a tardi.";
            String slug = PushIT.publish(PushIT.editor("192.0.2.95"), "it", title, excerpt);
            String article = site.baseUrl() + "/it/" + slug;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (pushService.receivedBy(subscription).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Received received = pushService.receivedBy(subscription).stream().filter(r -> title.equals(r.json().path("title").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no notification for " + title + ": "
                            + pushService.receivedBy(subscription) + " " + pushService.problems()));

            // The service worker shows what the site sent: the decrypted payload, pushed to it through DevTools.
            try (PushDevTools push = PushDevTools.attach(d, site.baseUrl())) {
                deliver(push, js, received.payload(), title);
                assertThat(notifications(js)).singleElement().hasToString(title + "|" + excerpt + "|"
                        + site.baseUrl() + "/push/icon.svg|it|" + article);

                // A click opens the article, in Italian, and closes the notification.
                JsonNode click = click(d, title);
                assertThat(click.path("opened")).as(click.toString()).containsExactly(TextNode.valueOf(article));
                assertThat(click.path("focused")).isEmpty();
                assertThat(click.path("left").asInt()).as("the notification is closed").isZero();
                d.get(click.path("opened").get(0).asText());
                assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("it");
                assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo(title);
                assertThat(state(d)).as("the browser stays subscribed on the next page").isEqualTo("subscribed");
                assertThat(d.findElement(By.id("push-prompt")).isDisplayed()).isFalse();

                // With the article already open in a tab, a click brings that tab forward instead of opening another.
                deliver(push, js, received.payload(), title);
                JsonNode again = click(d, title);
                assertThat(again.path("focused")).as(again.toString()).containsExactly(TextNode.valueOf(article));
                assertThat(again.path("opened")).isEmpty();

                // An address outside the site, should one ever be in a message, is not opened.
                String elsewhere = "Altrove " + stamp;
                deliver(push, js, "{\"title\":\"" + elsewhere + "\",\"body\":\"x\",\"url\":\"https://elsewhere.example/it/x\","
                        + "\"lang\":\"it\",\"tag\":\"elsewhere-" + stamp + "\"}", elsewhere);
                JsonNode outside = click(d, elsewhere);
                assertThat(outside.path("opened")).as(outside.toString()).isEmpty();
                assertThat(outside.path("focused")).isEmpty();
            }

            // The footer turns notifications off, and the site forgets the browser.
            d.findElement(By.id("push-off")).click();
            wait.until(x -> "unsubscribed".equals(x.findElement(By.id("push")).getAttribute("data-state")));
            assertThat(d.findElement(By.id("push-status")).getText()).isEqualTo("Le notifiche sono disattivate.");
            assertThat(d.findElement(By.id("push-prompt")).isDisplayed()).isFalse();
            new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> storedLanguage(subscription.endpoint()).isEmpty());
        }
    }

    @Test
    void okWhenTheBrowserRefusesThePermissionSaysSoInThePageLanguageAndTheNextPageDoesNotAskAgain() {
        try (BrowserSession browser = BrowserSession.open("fr")) {
            ChromeDriver d = (ChromeDriver) browser.driver();
            d.get(site.baseUrl() + "/fr/");
            assertThat(state(d)).isEqualTo("unsubscribed");
            assertThat(d.findElement(By.id("push-prompt")).isDisplayed()).isTrue();
            d.executeCdpCommand("Browser.setPermission", Map.of("origin", site.baseUrl(),
                    "permission", Map.of("name", "notifications"), "setting", "denied"));
            d.findElement(By.id("push-ok")).click();
            new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> "denied".equals(x.findElement(By.id("push")).getAttribute("data-state")));
            assertThat(d.findElement(By.id("push-status")).getText())
                    .isEqualTo("Les notifications sont bloquées dans les réglages de votre navigateur.");
            assertThat(d.findElement(By.id("push-prompt")).isDisplayed()).isFalse();
            assertThat(d.findElement(By.id("push-on")).isDisplayed()).isFalse();
            assertThat(d.findElement(By.id("push")).getAttribute("data-step")).as("no service worker, no subscription")
                    .isEqualTo("permission");

            d.get(site.baseUrl() + "/fr/");
            assertThat(state(d)).isEqualTo("denied");
            assertThat(d.findElement(By.id("push-prompt")).isDisplayed()).isFalse();
        }
    }

    /**
     * Hands a push message's payload to the page's service worker, as the browser does when one arrives, and
     * waits for the notification with this title. DevTools now and then drops a message without an error (see
     * {@link PushDevTools}), so one not shown within 10 s is delivered again, up to three times in all; the
     * payloads carry a tag, so a second delivery replaces the notification rather than adding one.
     */
    private static void deliver(PushDevTools push, JavascriptExecutor js, String payload, String title) throws Exception {
        for (int attempt = 1; ; attempt++) {
            push.deliver(payload);
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < until) {
                if (String.valueOf(notifications(js)).contains(title)) {
                    return;
                }
                Thread.sleep(200);
            }
            if (attempt == 3) {
                throw new AssertionError("No notification titled " + title + " after three deliveries: " + notifications(js));
            }
            System.out.println("PushBrowserIT: no notification " + title + " 10 s after delivery " + attempt + "; delivering again");
        }
    }

    /**
     * Clicks the shown notification with this title, as far as a headless browser allows: it has no notification
     * on screen to click, so the service worker receives the {@code notificationclick} event for its real
     * notification from the DevTools console. Chromium lets only a click by a person open or focus a window, so
     * for this one event {@code clients.openWindow} and {@code WindowClient.focus} record the address they were
     * asked for instead; finding the open tabs, closing the notification and choosing the address are the
     * service worker's own. Answers {opened: [...], focused: [...], left: notifications with that title}.
     */
    private static JsonNode click(ChromeDriver d, String title) throws Exception {
        String quoted = new ObjectMapper().writeValueAsString(title);
        return ServiceWorkerConsole.evaluate(d, site.baseUrl() + "/sw.js", "(function () {"
                + "var title = " + quoted + ", opened = [], focused = [], focus = WindowClient.prototype.focus;"
                + "self.clients.openWindow = function (url) { opened.push(url); return Promise.resolve(null); };"
                + "WindowClient.prototype.focus = function () { focused.push(this.url); return Promise.resolve(this); };"
                + "function shown() { return self.registration.getNotifications().then(function (list) {"
                + "  return list.filter(function (n) { return n.title === title; }); }); }"
                + "return shown().then(function (list) {"
                + "  if (list.length !== 1) { throw new Error(list.length + ' notifications titled ' + title); }"
                + "  var event = new NotificationEvent('notificationclick', {notification: list[0]}), work = Promise.resolve();"
                + "  event.waitUntil = function (p) { work = p; };"
                + "  self.dispatchEvent(event);"
                + "  return work; })"
                + ".then(shown).then(function (left) { return {opened: opened, focused: focused, left: left.length}; })"
                + ".finally(function () { delete self.clients.openWindow; WindowClient.prototype.focus = focus; });"
                + "})()");
    }

    /** The consent record of a subscription as "channel|language|page|has a time", or "none". */
    private static String consent(String endpoint) {
        try (Connection c = ConfiguredDataSource.forUrl(RunningSite.databaseUrl(), RunningSite.databaseUser(), "").getConnection();
             PreparedStatement q = c.prepareStatement("select channel, language, page, given_at from consent_record"
                     + " where subject = ? order by id")) {
            q.setString(1, endpoint);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3) + "|" + (r.getTimestamp(4) != null)
                        : "none";
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The language the site stored for a subscription, if it has one with this endpoint. */
    private static Optional<String> storedLanguage(String endpoint) {
        try (Connection c = ConfiguredDataSource.forUrl(RunningSite.databaseUrl(), RunningSite.databaseUser(), "").getConnection();
             PreparedStatement q = c.prepareStatement("select language from push_subscription where endpoint = ?")) {
            q.setString(1, endpoint);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
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
                + "window.__pushStub = {active: sessionStorage.getItem('push-stub') === '1', calls: []};"
                + "var sub = {endpoint: endpoint, expirationTime: null,"
                + "  toJSON: function () { return {endpoint: endpoint, expirationTime: null, keys: keys}; },"
                + "  unsubscribe: function () { window.__pushStub.active = false; sessionStorage.removeItem('push-stub');"
                + "    return Promise.resolve(true); }};"
                + "var original = PushManager.prototype.getSubscription;"
                + "PushManager.prototype.subscribe = function (options) {"
                + "  var bytes = new Uint8Array(options.applicationServerKey);"
                + "  var key = btoa(String.fromCharCode.apply(null, bytes)).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');"
                + "  window.__pushStub.calls.push({userVisibleOnly: options.userVisibleOnly, key: key});"
                + "  window.__pushStub.active = true; sessionStorage.setItem('push-stub', '1'); return Promise.resolve(sub); };"
                + "PushManager.prototype.getSubscription = function () {"
                + "  return window.__pushStub.active ? Promise.resolve(sub) : original.call(this); };"
                + "})();";
    }
}
