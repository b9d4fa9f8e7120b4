package org.scriptorium.identity.application;

/**
 * Sends the e-mails of the account lifecycle (invitations, password-reset links). The adapter delivers them
 * through the site's mail feature; the identity feature only says what to send to whom.
 */
public interface AccountMail {

    /** Queues a plain-text message; delivery (and retrying) is the mail feature's business. */
    void send(String to, String subject, String text);
}
