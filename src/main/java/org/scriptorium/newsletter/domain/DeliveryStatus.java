package org.scriptorium.newsletter.domain;

/** Where one recipient's copy of an edition stands. */
public enum DeliveryStatus {
    /** Not sent yet (or deferred after a transient failure until {@code next_attempt_at}). */
    PENDING,
    /** Handed to the SMTP server, its acceptance not recorded yet: after a crash, sent again with the same Message-ID. */
    SENDING,
    /** Accepted by the mail server (or written to the outbox). */
    SENT,
    /** Refused permanently, or transient failures exhausted the attempts. */
    FAILED
}
