package org.scriptorium.push.application;

/** A push request refused for a reason the reader or editor can be told, in their language, by key. */
public class PushException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** The endpoint is not on an allowed push service. */
        ENDPOINT,
        /** The subscription keys are not a P-256 key and a 16-byte secret. */
        KEYS,
        /** The language is not one of the site's. */
        LANGUAGE,
        /** A required field is empty. */
        REQUIRED,
        /** A field is too long. */
        TOO_LONG,
        /** The link does not lead to this site. */
        URL,
        /** The user may not do this. */
        FORBIDDEN,
        /** A number is out of range. */
        RANGE
    }

    private final Reason reason;
    private final String field;

    public PushException(Reason reason, String field) {
        super(reason + (field.isEmpty() ? "" : " (" + field + ")"));
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The form field at fault, or empty. */
    public String field() {
        return field;
    }
}
