package org.scriptorium.newsletter.application;

/**
 * The answer to a confirmation link.
 *
 * @param outcome  what happened
 * @param language the subscriber's language when known, else null
 */
public record ConfirmResult(Outcome outcome, String language) {

    /** What a confirmation link did. */
    public enum Outcome {
        CONFIRMED, EXPIRED, INVALID
    }
}
