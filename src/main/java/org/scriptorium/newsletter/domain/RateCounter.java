package org.scriptorium.newsletter.domain;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Signups counted per key (a hashed address or a client address) in a fixed window, so that repeated signups
 * are refused on every node alike.
 *
 * <p>Lifecycle: created at the first signup of a key; its window restarts when the previous one is over.
 */
@Entity
@Table(name = "newsletter_rate")
public class RateCounter {

    @Id
    @Column(name = "rate_key", length = 120)
    private String key;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(name = "hits", nullable = false)
    private int hits;

    protected RateCounter() {
    }

    public RateCounter(String key, Instant now) {
        this.key = key;
        this.windowStart = now;
        this.hits = 0;
    }

    /** Counts one attempt; returns whether it is within {@code limit} attempts per {@code window}. */
    public boolean hit(int limit, Duration window, Instant now) {
        if (now.isAfter(windowStart.plus(window))) {
            windowStart = now;
            hits = 0;
        }
        hits++;
        return hits <= limit;
    }

    public String getKey() {
        return key;
    }

    public int getHits() {
        return hits;
    }
}
