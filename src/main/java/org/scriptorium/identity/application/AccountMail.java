package org.scriptorium.identity.application;

import java.util.Map;

/**
 * Sends the e-mails of the account lifecycle (invitations, password-reset links) through the site's mail
 * feature. The identity feature only says which template goes to whom, in which language, with which values;
 * templates live in {@code mail/account-*.txt|html}.
 */
public interface AccountMail {

    /**
     * Renders and sends one message.
     *
     * @throws IllegalStateException when the message could not be handed over (server unreachable, refused)
     */
    void send(String to, String language, String template, Map<String, String> model);
}
