package org.scriptorium.newsletter.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One recipient's copy of one edition: the record that makes sending exactly-once across restarts.
 *
 * <p>Lifecycle: created {@link DeliveryStatus#PENDING} for every confirmed subscriber, all in the transaction
 * that starts the edition (so a crash cannot leave half a recipient list). Before its message goes to the
 * server it is marked {@link DeliveryStatus#SENDING} in a committed transaction, and {@link DeliveryStatus#SENT}
 * in another once the server accepted it. A restart sends every PENDING delivery and re-sends the (at most a
 * handful of) SENDING ones with the same Message-ID, since their fate is unknown; nothing SENT is sent again.
 * A transient failure puts it back to PENDING with a later {@code next_attempt_at}; a permanent one makes it
 * {@link DeliveryStatus#FAILED} and the subscriber bounced.
 */
@Entity
@Table(name = "newsletter_delivery")
public class Delivery {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "edition_id", nullable = false)
    private long editionId;

    @Column(name = "subscriber_id", nullable = false)
    private long subscriberId;

    @Column(name = "email", nullable = false, length = 254)
    private String email;

    @Column(name = "language", nullable = false, length = 10)
    private String language;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private DeliveryStatus status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error", length = 500)
    private String lastError;

    protected Delivery() {
    }

    public Long getId() {
        return id;
    }

    public long getEditionId() {
        return editionId;
    }

    public long getSubscriberId() {
        return subscriberId;
    }

    public String getEmail() {
        return email;
    }

    public String getLanguage() {
        return language;
    }

    public DeliveryStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getLastError() {
        return lastError;
    }
}
