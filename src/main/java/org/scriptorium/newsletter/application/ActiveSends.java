package org.scriptorium.newsletter.application;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The editions whose sending job runs in this process, so that a resumed edition never gets two jobs here.
 *
 * <p>A job holds its edition by a lease that it renews as it works (for every chunk it reads and every message
 * it sends). A lease not renewed for {@link #STALE} no longer counts: a job whose thread died without closing,
 * or hangs, would otherwise keep its edition from ever being started again until the next restart. The
 * longest a working job goes without renewing is one message's immediate retries against an SMTP server that
 * times out (about four minutes), so a stale lease means a job that stopped. Should it wake up, the conditional
 * claims of the delivery records keep the two jobs from sending the same copy.
 */
@ApplicationScoped
public class ActiveSends {

    static final Duration STALE = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(ActiveSends.class.getName());

    /** One job's hold on an edition. */
    public static final class Lease {
        private final long editionId;
        private volatile long renewedAt = System.nanoTime();

        private Lease(long editionId) {
            this.editionId = editionId;
        }

        public long editionId() {
            return editionId;
        }

        /** Tells that the job still works. */
        public void renew() {
            renewedAt = System.nanoTime();
        }

        boolean stale(long now, Duration after) {
            return now - renewedAt > after.toNanos();
        }
    }

    private final Map<Long, Lease> running = new ConcurrentHashMap<>();
    private final Duration stale;

    public ActiveSends() {
        this(STALE);
    }

    /** With another time after which a lease is stale (tests). */
    public ActiveSends(Duration stale) {
        this.stale = stale;
    }

    /** Registers a job for an edition; empty if a live one already runs. */
    public Optional<Lease> begin(long editionId) {
        Lease mine = new Lease(editionId);
        Lease held = running.compute(editionId, (id, current) -> {
            if (current == null || current.stale(System.nanoTime(), stale)) {
                if (current != null) {
                    LOG.warning(() -> "The sending job of edition " + id + " has not worked for " + stale.toMinutes()
                            + " minutes; a new job takes the send over");
                }
                return mine;
            }
            return current;
        });
        return held == mine ? Optional.of(mine) : Optional.empty();
    }

    /** Ends a job's hold; a lease taken over by a later job is left to that job. */
    public void end(Lease lease) {
        running.remove(lease.editionId(), lease);
    }

    /** Renews the lease on an edition, from a part of its job that does not hold the lease itself. */
    public void renew(long editionId) {
        Lease current = running.get(editionId);
        if (current != null) {
            current.renew();
        }
    }

    /** Whether the lease is still the one on its edition (false once a later job took a stale one over). */
    public boolean holds(Lease lease) {
        return running.get(lease.editionId()) == lease;
    }

    /** Whether a job with a live lease sends the edition in this process. */
    public boolean isRunning(long editionId) {
        Lease current = running.get(editionId);
        return current != null && !current.stale(System.nanoTime(), stale);
    }
}
