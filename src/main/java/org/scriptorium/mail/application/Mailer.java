package org.scriptorium.mail.application;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.mail.domain.EmailAddress;
import org.scriptorium.mail.domain.MailDeliveryException;
import org.scriptorium.mail.domain.MailMessage;

/**
 * The one way the site sends e-mail. Callers name a template and the recipient's language; the mailer renders
 * it (text and HTML), adds the caller's extra headers (such as {@code List-Unsubscribe}) and sends it with the
 * effective settings: over SMTP when a host is set, into the file outbox otherwise.
 *
 * <p>Sending is synchronous and throws {@link MailDeliveryException}: a caller that must not lose a message
 * (the newsletter) records the failure and retries transient ones; a caller that can live without
 * (a test message) shows the reason. Invalid addresses, subjects or headers are refused before anything is sent.
 */
@ApplicationScoped
public class Mailer {

    private MailTemplates templates;
    private MailConfiguration configuration;
    private MailSender sender;

    protected Mailer() {
    }

    @Inject
    public Mailer(MailTemplates templates, MailConfiguration configuration, MailSender sender) {
        this.templates = templates;
        this.configuration = configuration;
        this.sender = sender;
    }

    /** Renders a template for a recipient in a language, without sending it. */
    public MailMessage compose(String template, String language, EmailAddress to, Map<String, ?> model,
                               Map<String, String> headers) {
        RenderedMail mail = templates.render(template, language, model);
        return new MailMessage(to, mail.subject(), mail.text(), mail.html(), language, headers);
    }

    /** Sends a message built by {@link #compose} (or by hand). */
    public void send(MailMessage message) throws MailDeliveryException {
        sender.send(message, configuration.effective());
    }

    /** Renders and sends in one step. */
    public void send(String template, String language, EmailAddress to, Map<String, ?> model,
                     Map<String, String> headers) throws MailDeliveryException {
        send(compose(template, language, to, model, headers));
    }

    /** Whether messages currently go to the file outbox instead of an SMTP server. */
    public boolean usesOutbox() {
        return configuration.effective().usesOutbox();
    }
}
