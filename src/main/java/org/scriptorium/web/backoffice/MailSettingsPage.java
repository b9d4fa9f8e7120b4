package org.scriptorium.web.backoffice;

import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import org.scriptorium.mail.application.MailConfiguration;
import org.scriptorium.mail.application.Mailer;
import org.scriptorium.mail.domain.EmailAddress;
import org.scriptorium.mail.domain.InvalidMailException;
import org.scriptorium.mail.domain.MailDeliveryException;
import org.scriptorium.mail.domain.MailSettings;
import org.scriptorium.platform.audit.AuditEvent;
import org.scriptorium.web.common.RequestLanguage;
import org.scriptorium.web.common.Texts;

/**
 * {@code /backoffice/mail/settings}: the effective mail settings, values that replace the configuration
 * (stored as site settings, applied to the next message without a restart), and a test message.
 */
@Named
@RequestScoped
public class MailSettingsPage {

    @Inject
    private MailConfiguration configuration;

    @Inject
    private Mailer mailer;

    @Inject
    private SecurityContext security;

    @Inject
    private Texts texts;

    @Inject
    private RequestLanguage language;

    @Inject
    private Event<AuditEvent> audit;

    private MailSettings effective;
    private String host;
    private String port;
    private String user;
    private String password;
    private String tls;
    private String from;
    private String testTo;

    @PostConstruct
    void load() {
        effective = configuration.effective();
        host = effective.host();
        port = String.valueOf(effective.port());
        user = effective.user();
        tls = effective.security().name();
        from = effective.from().value();
        testTo = actor();
    }

    public MailSettings getEffective() {
        return effective;
    }

    public boolean isOverridden() {
        return configuration.isOverridden();
    }

    public boolean isPasswordSet() {
        return !effective.password().isEmpty();
    }

    /** Stores the typed values; they replace the configuration from the next message on. */
    public String save() {
        try {
            configuration.override(host, port, user, password, tls, from);
        } catch (InvalidMailException e) {
            String message = e.getMessage().startsWith("Not a port") ? texts.get("mailsettings.error.port")
                    : e.getMessage().startsWith("Not a host") ? texts.get("mailsettings.error.host")
                    : texts.get("mailsettings.error.from");
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
            return null;
        }
        audit.fire(new AuditEvent(actor(), "mail.settings.save", "mail:settings", host.isBlank() ? "outbox" : host));
        return "/backoffice/mail/settings.xhtml?faces-redirect=true&saved=1";
    }

    /** Drops the stored values: the configuration applies again. */
    public String reset() {
        configuration.useConfiguration();
        audit.fire(new AuditEvent(actor(), "mail.settings.reset", "mail:settings", ""));
        return "/backoffice/mail/settings.xhtml?faces-redirect=true&saved=1";
    }

    /** Sends the test message to the typed address with the effective settings. */
    public String sendTest() {
        FacesContext faces = FacesContext.getCurrentInstance();
        var to = EmailAddress.parse(testTo);
        if (to.isEmpty()) {
            faces.addMessage("mail:testTo", new FacesMessage(FacesMessage.SEVERITY_ERROR, texts.get("mailsettings.error.to"), null));
            return null;
        }
        try {
            mailer.send("test", language.getCode(), to.get(), Map.of("sender", actor()), Map.of());
        } catch (MailDeliveryException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    texts.format("mailsettings.testFailed", e.getMessage()), null));
            return null;
        }
        audit.fire(new AuditEvent(actor(), "mail.test", "mail:" + to.get().value(), ""));
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, mailer.usesOutbox()
                ? texts.get("mailsettings.testSentOutbox") : texts.format("mailsettings.testSent", to.get().value()), null));
        return null;
    }

    private String actor() {
        return security.getCallerPrincipal() == null ? "system" : security.getCallerPrincipal().getName();
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public String getPort() {
        return port;
    }

    public void setPort(String port) {
        this.port = port;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getTls() {
        return tls;
    }

    public void setTls(String tls) {
        this.tls = tls;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTestTo() {
        return testTo;
    }

    public void setTestTo(String testTo) {
        this.testTo = testTo;
    }
}
