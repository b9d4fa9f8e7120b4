package org.scriptorium.identity.domain;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The failed logins counted against one key: an account ({@code account:name}) or a client address
 * ({@code ip:address}). Kept in the database so that every node of a cluster sees the same counts.
 *
 * <p>Lifecycle: created at the first failure for a key, incremented by each further one, deleted by a
 * successful login for an account key, and considered expired once the last failure is older than the
 * throttle's memory, whereupon the next failure starts counting from one again.
 */
@Entity
@Table(name = "login_throttle")
public class LoginFailures {

    @Id
    @Column(name = "throttle_key", length = 400)
    private String key;

    @Column(nullable = false)
    private int failures;

    @Column(name = "last_failure_at", nullable = false)
    private Instant lastFailureAt;

    protected LoginFailures() {
    }

    public LoginFailures(String key, Instant at) {
        this.key = key;
        this.failures = 1;
        this.lastFailureAt = at;
    }

    public String getKey() {
        return key;
    }

    public int getFailures() {
        return failures;
    }

    public Instant getLastFailureAt() {
        return lastFailureAt;
    }

    /** Counts one more failure, starting afresh when the previous ones have expired. */
    public void recordFailure(Instant at, Duration memory) {
        if (isExpired(at, memory)) {
            failures = 0;
        }
        failures++;
        lastFailureAt = at;
    }

    public boolean isExpired(Instant now, Duration memory) {
        return lastFailureAt.plus(memory).isBefore(now);
    }
}
