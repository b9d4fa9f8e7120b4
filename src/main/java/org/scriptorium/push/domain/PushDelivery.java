package org.scriptorium.push.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One message still to be delivered to one subscription. It exists only while the delivery is pending: it is
 * created when the message is fanned out, retried with growing pauses while the push service cannot take it,
 * and deleted once it ended (the message's counters keep the result). Being in the database, pending
 * deliveries survive a restart. A node takes a delivery by moving its {@code nextAttemptAt} forward (a lease),
 * so two nodes never send the same one at the same time, and a node that died mid-send leaves it to be retried
 * when the lease runs out.
 */
@Entity
@Table(name = "push_delivery")
public class PushDelivery {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "message_id", nullable = false)
    private long messageId;

    @Column(name = "subscription_id", nullable = false)
    private long subscriptionId;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = 500)
    private String lastError;

    protected PushDelivery() {
    }

    public PushDelivery(long messageId, long subscriptionId, Instant due) {
        this.messageId = messageId;
        this.subscriptionId = subscriptionId;
        this.nextAttemptAt = due;
    }

    /** An attempt failed for a reason that may pass; try again at {@code next}. */
    public void failedAttempt(String error, Instant next) {
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 500));
        nextAttemptAt = next;
    }

    public Long getId() {
        return id;
    }

    public long getMessageId() {
        return messageId;
    }

    public long getSubscriptionId() {
        return subscriptionId;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }
}
