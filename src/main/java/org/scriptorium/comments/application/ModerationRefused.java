package org.scriptorium.comments.application;

/** A moderation request that may not or cannot be carried out; the message is a UI-string key. */
public class ModerationRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModerationRefused(String messageKey) {
        super(messageKey, null, false, false);
    }

    /** The UI-string key that explains the refusal. */
    public String messageKey() {
        return getMessage();
    }
}
