package org.scriptorium.identity.infrastructure;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.identity.application.AccountMail;
import org.scriptorium.mail.application.Mailer;
import org.scriptorium.mail.domain.EmailAddress;
import org.scriptorium.mail.domain.MailDeliveryException;

/** {@link AccountMail} through the site's {@link Mailer} (SMTP when configured, the file outbox otherwise). */
@ApplicationScoped
public class MailerAccountMail implements AccountMail {

    private Mailer mailer;

    protected MailerAccountMail() {
    }

    @Inject
    public MailerAccountMail(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void send(String to, String language, String template, Map<String, String> model) {
        try {
            mailer.send(template, language, EmailAddress.of(to), model, Map.of());
        } catch (MailDeliveryException e) {
            throw new IllegalStateException("Could not send " + template + ": " + e.getMessage(), e);
        }
    }
}
