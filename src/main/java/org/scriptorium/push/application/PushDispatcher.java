package org.scriptorium.push.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.push.application.DeliveryStore.Due;
import org.scriptorium.push.application.DeliveryStore.Task;

/**
 * Delivers push messages: turns new messages into pending deliveries and sends what is due, recording each
 * answer. Called by a timer every few seconds on every node; everything it works from is in the database
 * (see {@link PushDeliveries}), so a restart loses nothing and a push service that was down gets the messages
 * once it is back. A message reaches a subscription at most once, except when a node dies between the push
 * service's answer and the record of it.
 */
@ApplicationScoped
public class PushDispatcher {

    private static final Logger LOG = Logger.getLogger(PushDispatcher.class.getName());
    static final int SLICE = 500;
    static final int BATCH = 100;
    /** How long a node keeps a delivery it took; after that, another may retry it. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private DeliveryStore store;
    private PushGateway gateway;
    private PushSettings settings;
    private Clock clock;

    protected PushDispatcher() {
    }

    @Inject
    public PushDispatcher(DeliveryStore store, PushGateway gateway, PushSettings settings, Clock clock) {
        this.store = store;
        this.gateway = gateway;
        this.settings = settings;
        this.clock = clock;
    }

    /** What one run did. */
    public record Run(int delivered, int retried, int failed, int removed) {

        public int attempts() {
            return delivered + retried + failed + removed;
        }
    }

    /** Fans out new messages and sends one batch of due deliveries. */
    public Run runOnce() {
        for (long messageId : store.messagesToFanOut(10)) {
            boolean done = false;
            for (int i = 0; i < 20 && !done; i++) {
                done = store.fanOut(messageId, SLICE, clock.instant());
            }
        }
        int delivered = 0;
        int retried = 0;
        int failed = 0;
        int removed = 0;
        List<Due> due = store.due(clock.instant(), BATCH);
        for (Due d : due) {
            Optional<Task> task = store.claim(d, clock.instant().plus(LEASE));
            if (task.isEmpty()) {
                continue;
            }
            Task t = task.get();
            DeliveryResult result;
            try {
                result = gateway.send(t.target(), t.payload().toJson().getBytes(StandardCharsets.UTF_8), t.keys(), settings);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Preparing push message " + t.messageId() + " failed", e);
                result = new DeliveryResult(DeliveryResult.Status.REJECTED, 0, Optional.empty(), String.valueOf(e));
            }
            Instant now = clock.instant();
            store.record(t, result, now);
            switch (result.status()) {
                case DELIVERED -> delivered++;
                case RETRY -> retried++;
                case REJECTED -> failed++;
                case GONE -> removed++;
            }
        }
        return new Run(delivered, retried, failed, removed);
    }
}
