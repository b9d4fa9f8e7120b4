package org.scriptorium.mail.application;

import org.scriptorium.mail.domain.MailDeliveryException;
import org.scriptorium.mail.domain.MailMessage;
import org.scriptorium.mail.domain.MailSettings;

/** Hands a message to the outside world: an SMTP server or, without one, the file outbox. */
public interface MailSender {

    /**
     * Sends one message with the given settings.
     *
     * @throws MailDeliveryException when the server refused it or could not be reached; its kind says whether a
     *                               retry may help
     */
    void send(MailMessage message, MailSettings settings) throws MailDeliveryException;
}
