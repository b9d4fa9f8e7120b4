package org.scriptorium.newsletter.domain;

/** Where a subscriber stands. Only {@link #CONFIRMED} subscribers receive editions. */
public enum SubscriberStatus {
    /** Signed up (or imported without consent); the confirmation link has not been followed yet. */
    PENDING,
    /** Confirmed by the link, or imported with consent already obtained. */
    CONFIRMED,
    /** Left through a link, the one-click header or the back office. */
    UNSUBSCRIBED,
    /** The mail server refused the address permanently. */
    BOUNCED
}
