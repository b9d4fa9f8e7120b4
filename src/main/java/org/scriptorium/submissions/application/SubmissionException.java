package org.scriptorium.submissions.application;

/** Why a submission operation was refused; nothing was changed. */
public class SubmissionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The reasons; the pages turn each into a message in the reader's language. */
    public enum Reason {
        REQUIRED, TOO_LONG, EMAIL_INVALID, CONSENT_MISSING, UNKNOWN_LANGUAGE, UNKNOWN_CATEGORY,
        IMAGE_NOT_AN_IMAGE, IMAGE_TOO_LARGE, TOO_FAST, RATE_LIMITED, NOT_FOUND, WRONG_STATUS
    }

    private final Reason reason;
    private final String field;

    public SubmissionException(Reason reason, String field) {
        super(reason + (field.isEmpty() ? "" : " (" + field + ")"));
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The form field the reason concerns, or empty for the whole form. */
    public String field() {
        return field;
    }
}
