package org.scriptorium.content.application;

/**
 * A refused change to categories or tags, with the reason and the field at fault ({@code slug-it},
 * {@code parent}, ...), so that the page can show a message in the user's language next to that field.
 */
public class StructureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the change was refused; each has a UI string {@code structure.error.<name>}. */
    public enum Reason {
        NO_NAME, NAME_REQUIRED, SLUG_TAKEN, TOO_LONG, CYCLE, NOT_FOUND, LANGUAGE_INVALID
    }

    private final Reason reason;
    private final String field;

    public StructureException(Reason reason, String field) {
        super(reason + " (" + field + ")");
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
