package org.scriptorium.mail.infrastructure;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.scriptorium.mail.application.MailSender;
import org.scriptorium.mail.application.Outbox;
import org.scriptorium.mail.domain.MailDeliveryException;
import org.scriptorium.mail.domain.MailMessage;
import org.scriptorium.mail.domain.MailSettings;
import org.scriptorium.platform.config.Settings;

/**
 * The {@link MailSender} of the application: SMTP when the settings name a host, the file outbox under
 * {@code <data dir>/outbox} otherwise, decided per message so that a change in the back office applies at once.
 */
@ApplicationScoped
public class ConfiguredMailSender implements MailSender {

    private SmtpMailSender smtp;
    private FileOutbox outbox;

    protected ConfiguredMailSender() {
    }

    @Inject
    public ConfiguredMailSender(Settings settings) {
        this(new FileOutbox(settings.outboxDir()));
    }

    public ConfiguredMailSender(FileOutbox outbox) {
        this.smtp = new SmtpMailSender();
        this.outbox = outbox;
    }

    @Override
    public void send(MailMessage message, MailSettings settings) throws MailDeliveryException {
        if (settings.usesOutbox()) {
            outbox.write(message, settings);
        } else {
            smtp.send(message, settings);
        }
    }

    /** The outbox the back office lists. */
    @Produces
    Outbox outbox() {
        return outbox;
    }

    @PreDestroy
    void close() {
        smtp.closeAll();
    }
}
