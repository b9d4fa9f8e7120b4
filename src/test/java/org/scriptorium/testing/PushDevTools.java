package org.scriptorium.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A DevTools session of its own on a page of the Chromium that a {@link ChromeDriver} drives, which hands push
 * messages to the page's service worker as the browser does when its push service delivers one
 * ({@code ServiceWorker.deliverPushMessage}).
 *
 * <p>It opens only once DevTools has reported, on this very session, the service worker registration with the
 * given scope and an activated version of it, and delivers with the registration id DevTools gave. Sending the
 * command through ChromeDriver right after its own {@code ServiceWorker.enable}, with an id assumed, worked with
 * Chromium 156.0.8078.73; with 156.0.8078.108 the message was now and then dropped without an error (the worker
 * running and activated, the permission granted, nothing shown; the same message sent again was shown).
 */
public final class PushDevTools implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final WebSocket socket;
    private final Listener listener;
    private final String origin;
    private final String registrationId;

    private PushDevTools(WebSocket socket, Listener listener, String origin, String registrationId) {
        this.socket = socket;
        this.listener = listener;
        this.origin = origin;
        this.registrationId = registrationId;
    }

    /**
     * Attaches to the page whose address starts with {@code pageUrl} and waits up to 20 s for the registration
     * with this scope to have an activated version.
     *
     * @throws IllegalStateException when there is no such page or no such registration becomes active in time
     */
    public static PushDevTools attach(ChromeDriver driver, String origin, String pageUrl, String scope) throws Exception {
        String address = null;
        JsonNode targets = ServiceWorkerConsole.targets(driver);
        for (JsonNode t : targets) {
            if ("page".equals(t.path("type").asText()) && t.path("url").asText().startsWith(pageUrl)) {
                address = t.path("webSocketDebuggerUrl").asText();
            }
        }
        if (address == null) {
            throw new IllegalStateException("No page at " + pageUrl + " among " + targets);
        }
        Listener listener = new Listener(scope);
        WebSocket socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(address), listener).get(10, TimeUnit.SECONDS);
        try {
            listener.call(socket, "ServiceWorker.enable", Map.of());
            String id = listener.active.get(20, TimeUnit.SECONDS);
            return new PushDevTools(socket, listener, origin, id);
        } catch (TimeoutException e) {
            socket.abort();
            throw new IllegalStateException("No active registration for " + scope + "; DevTools said " + listener.seen, e);
        } catch (Exception | Error e) {
            socket.abort();
            throw e;
        }
    }

    /** Delivers one push message with this payload; DevTools must accept the command. */
    public void deliver(String payload) throws Exception {
        listener.call(socket, "ServiceWorker.deliverPushMessage", Map.of("origin", origin,
                "registrationId", registrationId, "data", payload));
    }

    @Override
    public void close() {
        socket.abort();
    }

    /** Collects whole messages: answers to this session's commands, and the service worker events it waits for. */
    private static final class Listener implements WebSocket.Listener {

        private final String scope;
        private final StringBuilder message = new StringBuilder();
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
        private final Set<String> withScope = ConcurrentHashMap.newKeySet();
        private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
        private final CompletableFuture<String> active = new CompletableFuture<>();

        Listener(String scope) {
            this.scope = scope;
        }

        void call(WebSocket socket, String method, Map<String, Object> params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            answers.put(id, answer);
            socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true)
                    .get(10, TimeUnit.SECONDS);
            JsonNode reply = answer.get(10, TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + " failed: " + reply);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                String whole = message.toString();
                message.setLength(0);
                seen.add(whole);
                try {
                    read(JSON.readTree(whole));
                } catch (IOException e) {
                    active.completeExceptionally(e);
                }
            }
            socket.request(1);
            return null;
        }

        private void read(JsonNode m) {
            if (m.has("id")) {
                CompletableFuture<JsonNode> answer = answers.remove(m.path("id").asInt());
                if (answer != null) {
                    answer.complete(m);
                }
                return;
            }
            JsonNode params = m.path("params");
            switch (m.path("method").asText()) {
                case "ServiceWorker.workerRegistrationUpdated" -> {
                    for (JsonNode r : params.path("registrations")) {
                        if (scope.equals(r.path("scopeURL").asText()) && !r.path("isDeleted").asBoolean()) {
                            withScope.add(r.path("registrationId").asText());
                        }
                    }
                }
                case "ServiceWorker.workerVersionUpdated" -> {
                    for (JsonNode v : params.path("versions")) {
                        if (withScope.contains(v.path("registrationId").asText())
                                && "activated".equals(v.path("status").asText())) {
                            active.complete(v.path("registrationId").asText());
                        }
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            active.completeExceptionally(error);
            answers.values().forEach(a -> a.completeExceptionally(error));
        }
    }
}
