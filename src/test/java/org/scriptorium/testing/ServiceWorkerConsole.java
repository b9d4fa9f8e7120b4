package org.scriptorium.testing;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Runs a script inside a service worker of the Chromium that a {@link ChromeDriver} drives, the way the
 * DevTools console does: ChromeDriver's own DevTools commands reach only the page, so this opens a
 * {@link DevToolsSession} on the service worker and evaluates there. Used to look at what a service worker does
 * on events a headless browser cannot produce by itself, such as a click on a notification.
 */
public final class ServiceWorkerConsole {

    private ServiceWorkerConsole() {
    }

    /**
     * Evaluates an expression in the service worker whose script has the given address, waits for the promise it
     * may return and answers the value as JSON.
     *
     * @throws IllegalStateException when no such service worker runs or the script threw
     */
    public static JsonNode evaluate(ChromeDriver driver, String scriptUrl, String expression) throws Exception {
        try (DevToolsSession worker = DevToolsSession.open(driver, "service_worker", scriptUrl::equals, event -> { })) {
            JsonNode result = worker.call("Runtime.evaluate",
                    Map.of("expression", expression, "awaitPromise", true, "returnByValue", true));
            if (result.has("exceptionDetails")) {
                throw new IllegalStateException("The service worker's script failed: " + result);
            }
            return result.path("result").path("value");
        }
    }
}
