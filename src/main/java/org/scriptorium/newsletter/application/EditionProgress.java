package org.scriptorium.newsletter.application;

/**
 * How far an edition's sending is.
 *
 * @param total   deliveries created
 * @param sent    accepted by the mail server
 * @param failed  given up
 * @param waiting still to do (pending, deferred or in flight)
 */
public record EditionProgress(long total, long sent, long failed, long waiting) {

    /** Done share in percent, 0 to 100. */
    public int percent() {
        return total == 0 ? 100 : (int) ((sent + failed) * 100 / total);
    }
}
