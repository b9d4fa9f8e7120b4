package org.scriptorium.identity.application;

/**
 * A refused change to a user account, with the reason and the form field it concerns, so that the page can
 * put a message in the user's language next to that field.
 */
public class IdentityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the change was refused; each has a UI string {@code identity.error.<name>}. */
    public enum Reason {
        EMAIL_INVALID, EMAIL_TAKEN, NAME_REQUIRED, TOO_LONG, NO_ROLE, LANGUAGE_INVALID, PASSWORD_TOO_SHORT,
        PASSWORD_MISMATCH, WRONG_PASSWORD, TOKEN_INVALID, NOT_FOUND, OWN_ACCOUNT, PHOTO_INVALID
    }

    private final Reason reason;
    private final String field;

    public IdentityException(Reason reason, String field) {
        super(reason + " (" + field + ")");
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The form field the refusal concerns; empty for the whole form. */
    public String field() {
        return field;
    }
}
