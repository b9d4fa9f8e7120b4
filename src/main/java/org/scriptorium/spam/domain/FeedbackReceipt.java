package org.scriptorium.spam.domain;

import java.util.Optional;

/**
 * Whether Akismet took a submit-spam / submit-ham report. A report that was not taken can be sent again
 * later; it never changes the comment's status, which the moderator has already decided.
 *
 * @param accepted whether Akismet thanked us for the report
 * @param reason   why it was not accepted; null when accepted
 */
public record FeedbackReceipt(boolean accepted, String reason) {

    public static FeedbackReceipt acceptedReceipt() {
        return new FeedbackReceipt(true, null);
    }

    public static FeedbackReceipt failed(String reason) {
        return new FeedbackReceipt(false, reason);
    }

    public Optional<String> reasonText() {
        return Optional.ofNullable(reason);
    }
}
