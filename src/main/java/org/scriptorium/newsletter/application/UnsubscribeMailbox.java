package org.scriptorium.newsletter.application;

import java.util.function.Function;

/**
 * The mailbox that receives unsubscribe requests sent to the {@code mailto:} of {@code List-Unsubscribe}.
 * Implementations must bound every network wait (connect and read timeouts) so that a silent server cannot hold
 * the poller.
 */
public interface UnsubscribeMailbox {

    /** One message that may be an unsubscribe request: its decoded subject and its sender (may be empty). */
    record Request(String subject, String sender) {
    }

    /** What becomes of a message once the handler has seen it. */
    enum Disposition {
        /** Handled (or rejected for good): remove it from the mailbox so it is never handled again. */
        DONE,
        /** Not ours, or not handled because of a passing fault: leave it where it is. */
        KEEP
    }

    /**
     * Hands the waiting messages whose subject mentions "unsubscribe" (at most {@code max}) to the handler, one at a
     * time, and removes from the mailbox each one the handler answered {@link Disposition#DONE} for. A message is
     * removed only after the handler returned, so a crash in between makes it come back, never disappear unhandled.
     *
     * @return how many messages the handler saw
     * @throws MailboxUnavailableException when the mailbox cannot be reached, logged into or read
     */
    int drain(int max, Function<Request, Disposition> handler);

    /** The mailbox could not be reached, logged into or read; nothing was lost, the next poll tries again. */
    class MailboxUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public MailboxUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
