package org.scriptorium.mail.domain;

/**
 * A message could not be handed to the mail server. {@link Kind#TRANSIENT} failures (server unreachable,
 * 4xx replies, time-outs) are worth retrying later; {@link Kind#PERMANENT} ones (5xx replies such as an
 * unknown mailbox) will fail again and should mark the recipient instead.
 */
public class MailDeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Whether a retry may succeed. */
    public enum Kind {
        TRANSIENT, PERMANENT
    }

    private final Kind kind;

    public MailDeliveryException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isTransient() {
        return kind == Kind.TRANSIENT;
    }

    public boolean isPermanent() {
        return kind == Kind.PERMANENT;
    }
}
