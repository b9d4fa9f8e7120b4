package org.scriptorium.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Runs a script inside a service worker of the Chromium that a {@link ChromeDriver} drives, the way the
 * DevTools console does: ChromeDriver's own DevTools commands reach only the page, so this opens the service
 * worker's DevTools socket (listed by the browser's debugging endpoint) and evaluates there. Used to look at
 * what a service worker does on events a headless browser cannot produce by itself, such as a click on a
 * notification.
 */
public final class ServiceWorkerConsole {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceWorkerConsole() {
    }

    /**
     * Evaluates an expression in the service worker whose script has the given address, waits for the promise it
     * may return and answers the value as JSON.
     *
     * @throws IllegalStateException when no such service worker runs or the script threw
     */
    public static JsonNode evaluate(ChromeDriver driver, String scriptUrl, String expression) throws Exception {
        JsonNode targets = targets(driver);
        String socket = null;
        for (JsonNode t : targets) {
            if ("service_worker".equals(t.path("type").asText()) && scriptUrl.equals(t.path("url").asText())) {
                socket = t.path("webSocketDebuggerUrl").asText();
            }
        }
        if (socket == null) {
            throw new IllegalStateException("No service worker " + scriptUrl + " among " + targets);
        }
        CompletableFuture<String> answer = new CompletableFuture<>();
        WebSocket ws = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(socket), new Collector(answer)).get(10, TimeUnit.SECONDS);
        try {
            Map<String, Object> command = Map.of("id", 1, "method", "Runtime.evaluate", "params",
                    Map.of("expression", expression, "awaitPromise", true, "returnByValue", true));
            ws.sendText(JSON.writeValueAsString(command), true).get(10, TimeUnit.SECONDS);
            JsonNode reply = JSON.readTree(answer.get(30, TimeUnit.SECONDS));
            JsonNode result = reply.path("result");
            if (reply.has("error") || result.has("exceptionDetails")) {
                throw new IllegalStateException("The service worker's script failed: " + reply);
            }
            return result.path("result").path("value");
        } finally {
            ws.abort();
        }
    }

    static JsonNode targets(ChromeDriver driver) throws Exception {
        Object options = driver.getCapabilities().getCapability("goog:chromeOptions");
        String address = String.valueOf(((Map<?, ?>) options).get("debuggerAddress"));
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://" + address + "/json/list"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Completes with the first whole message that answers command 1. */
    private static final class Collector implements WebSocket.Listener {

        private final CompletableFuture<String> answer;
        private final StringBuilder message = new StringBuilder();

        Collector(CompletableFuture<String> answer) {
            this.answer = answer;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                String whole = message.toString();
                message.setLength(0);
                try {
                    if (JSON.readTree(whole).path("id").asInt() == 1) {
                        answer.complete(whole);
                    }
                } catch (IOException e) {
                    answer.completeExceptionally(e);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            answer.completeExceptionally(error);
        }
    }
}
