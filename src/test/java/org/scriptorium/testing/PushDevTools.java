package org.scriptorium.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A {@link DevToolsSession} on a page of the Chromium that a {@link ChromeDriver} drives, which hands push
 * messages to the page's service worker as the browser does when its push service delivers one
 * ({@code ServiceWorker.deliverPushMessage}).
 *
 * <p>It is ready only once DevTools has reported, on this very session, the service worker registration with the
 * given scope and an activated version of it, and delivers with the registration id DevTools gave, so a message
 * never goes to a registration that is not there yet. Even so, Chromium 156.0.8078.108 now and then drops a
 * delivered message without an error (the worker running and activated, the permission granted, nothing shown;
 * the same message sent again is shown), through this session as through ChromeDriver's. A caller therefore
 * checks that the notification appeared and delivers again when it did not.
 */
public final class PushDevTools implements AutoCloseable {

    private final DevToolsSession page;
    private final String origin;
    private final String registrationId;

    private PushDevTools(DevToolsSession page, String origin, String registrationId) {
        this.page = page;
        this.origin = origin;
        this.registrationId = registrationId;
    }

    /**
     * Attaches to the page of the site at {@code origin} and waits up to 20 s for the site's registration (scope
     * {@code origin/}) to have an activated version.
     *
     * @throws IllegalStateException when there is no such page or no such registration becomes active in time
     */
    public static PushDevTools attach(ChromeDriver driver, String origin) throws Exception {
        String scope = origin + "/";
        Set<String> withScope = ConcurrentHashMap.newKeySet();
        CompletableFuture<String> active = new CompletableFuture<>();
        List<JsonNode> seen = Collections.synchronizedList(new ArrayList<>());
        DevToolsSession page = DevToolsSession.open(driver, "page", url -> url.startsWith(scope), event -> {
            seen.add(event);
            JsonNode params = event.path("params");
            switch (event.path("method").asText()) {
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
        });
        try {
            page.call("ServiceWorker.enable", Map.of());
            return new PushDevTools(page, origin, active.get(20, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            page.close();
            throw new IllegalStateException("No active registration for " + scope + "; DevTools said " + seen, e);
        } catch (Exception | Error e) {
            page.close();
            throw e;
        }
    }

    /** Delivers one push message with this payload; DevTools must accept the command. */
    public void deliver(String payload) throws Exception {
        page.call("ServiceWorker.deliverPushMessage", Map.of("origin", origin, "registrationId", registrationId,
                "data", payload));
    }

    @Override
    public void close() {
        page.close();
    }
}
