package org.scriptorium.content.application;

/**
 * An editorial operation was refused. The {@link Reason} says why and {@code field} names the form field
 * at fault (empty for the whole form), so that the back office can word it in the user's language.
 */
public class EditorialException extends RuntimeException {

    /** Why an operation was refused. */
    public enum Reason {
        /** The user's role does not allow this article or language. */
        FORBIDDEN,
        /** The article or translation does not exist. */
        NOT_FOUND,
        /** A required field is empty. */
        REQUIRED,
        /** A field is longer than it may be. */
        TOO_LONG,
        /** Another translation in the language already uses the slug. */
        SLUG_TAKEN,
        /** The language is not one of the site's. */
        UNKNOWN_LANGUAGE,
        /** A schedule time that is not in the future. */
        NOT_IN_FUTURE,
        /** Someone else saved the translation since it was opened. */
        CONFLICT
    }

    private final Reason reason;
    private final String field;

    public EditorialException(Reason reason, String field) {
        super(reason + (field.isEmpty() ? "" : " (" + field + ")"));
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
