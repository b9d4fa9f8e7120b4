package org.scriptorium.newsletter.domain;

/** Where an edition stands. */
public enum EditionStatus {
    /** Being composed. */
    DRAFT,
    /** Waiting for its time. */
    SCHEDULED,
    /** Its deliveries exist and are being sent (also after a crash, until every one is done). */
    SENDING,
    /** Every delivery is done. */
    SENT
}
