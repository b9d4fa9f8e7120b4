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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A DevTools session of its own on one target (a page, a service worker) of the Chromium that a
 * {@link ChromeDriver} drives, opened on the target's socket as listed by the browser's debugging endpoint.
 * ChromeDriver's own DevTools commands reach only the page and give no events; this session sends commands to
 * any target, answers each command's result, and hands every event to the listener it was opened with.
 */
final class DevToolsSession implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final WebSocket socket;
    private final Messages messages;

    private DevToolsSession(WebSocket socket, Messages messages) {
        this.socket = socket;
        this.messages = messages;
    }

    /**
     * Opens a session on the target of this type whose address the predicate accepts; events go to
     * {@code events} on the socket's thread.
     *
     * @throws IllegalStateException when the browser lists no such target
     */
    static DevToolsSession open(ChromeDriver driver, String type, Predicate<String> url, Consumer<JsonNode> events)
            throws Exception {
        Object options = driver.getCapabilities().getCapability("goog:chromeOptions");
        String address = String.valueOf(((Map<?, ?>) options).get("debuggerAddress"));
        JsonNode targets = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://" + address + "/json/list"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body());
        for (JsonNode t : targets) {
            if (type.equals(t.path("type").asText()) && url.test(t.path("url").asText())) {
                Messages messages = new Messages(events);
                WebSocket socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                        .buildAsync(URI.create(t.path("webSocketDebuggerUrl").asText()), messages).get(10, TimeUnit.SECONDS);
                return new DevToolsSession(socket, messages);
            }
        }
        throw new IllegalStateException("No " + type + " target among " + targets);
    }

    /**
     * Sends a command and waits up to 30 s for its answer (a script's promise may take that long).
     *
     * @return the command's {@code result}
     * @throws IllegalStateException when DevTools answers with an error
     */
    JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = messages.ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        messages.answers.put(id, answer);
        socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true)
                .get(10, TimeUnit.SECONDS);
        JsonNode reply = answer.get(30, TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + " failed: " + reply);
        }
        return reply.path("result");
    }

    @Override
    public void close() {
        socket.abort();
    }

    /** Puts whole messages together: answers complete their command, the rest are events. */
    private static final class Messages implements WebSocket.Listener {

        private final Consumer<JsonNode> events;
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
        private final StringBuilder message = new StringBuilder();

        Messages(Consumer<JsonNode> events) {
            this.events = events;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                String whole = message.toString();
                message.setLength(0);
                try {
                    JsonNode m = JSON.readTree(whole);
                    CompletableFuture<JsonNode> answer = m.has("id") ? answers.remove(m.path("id").asInt()) : null;
                    if (answer != null) {
                        answer.complete(m);
                    } else {
                        events.accept(m);
                    }
                } catch (IOException e) {
                    answers.values().forEach(a -> a.completeExceptionally(e));
                }
            }
            socket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            answers.values().forEach(a -> a.completeExceptionally(error));
        }
    }
}
