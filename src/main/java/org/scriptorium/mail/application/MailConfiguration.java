package org.scriptorium.mail.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.scriptorium.mail.domain.EmailAddress;
import org.scriptorium.mail.domain.InvalidMailException;
import org.scriptorium.mail.domain.MailSettings;
import org.scriptorium.mail.domain.SmtpSecurity;
import org.scriptorium.platform.config.Settings;
import org.scriptorium.settings.application.SiteSettings;
import org.scriptorium.settings.domain.SiteSettingsChanged;

/**
 * The effective mail settings: the configuration ({@code SCRIPTORIUM_SMTP_*}, {@code SCRIPTORIUM_MAIL_FROM}),
 * unless an administrator saved other values at {@code /backoffice/mail/settings}, which are stored as site
 * settings and apply to the next message without a restart. The effective value is kept for a few seconds
 * (a sender may ask for it hundreds of times a second) and dropped on every settings change of this node.
 */
@ApplicationScoped
public class MailConfiguration {

    /** {@code on} while the values saved in the back office replace the configuration. */
    public static final String OVERRIDE = "mail.override";
    public static final String HOST = "mail.smtp.host";
    public static final String PORT = "mail.smtp.port";
    public static final String USER = "mail.smtp.user";
    public static final String PASSWORD = "mail.smtp.password";
    public static final String TLS = "mail.smtp.tls";
    public static final String FROM = "mail.from";

    private static final Duration KEEP = Duration.ofSeconds(5);

    private Settings settings;
    private SiteSettings site;
    private Clock clock;
    private volatile Cached cached;

    private record Cached(MailSettings value, Instant until) {
    }

    protected MailConfiguration() {
    }

    @Inject
    public MailConfiguration(Settings settings, SiteSettings site, Clock clock) {
        this.settings = settings;
        this.site = site;
        this.clock = clock;
    }

    /** The settings messages are sent with now. */
    public MailSettings effective() {
        Cached c = cached;
        Instant now = clock.instant();
        if (c == null || now.isAfter(c.until())) {
            c = new Cached(isOverridden() ? stored() : configured(), now.plus(KEEP));
            cached = c;
        }
        return c.value();
    }

    /** The settings given by configuration (environment variables). */
    public MailSettings configured() {
        return of(settings.smtpHost(), settings.smtpPort(), settings.smtpUser(), settings.smtpPassword(),
                settings.smtpTls(), settings.mailFrom());
    }

    /** Whether the back office's values replace the configuration. */
    public boolean isOverridden() {
        return site.get(OVERRIDE).map("on"::equals).orElse(false);
    }

    /**
     * Stores values that replace the configuration from now on. An empty password keeps the stored one.
     *
     * @throws InvalidMailException if the port or the sender address is not valid
     */
    public MailSettings override(String host, String port, String user, String password, String tls, String from) {
        String keptPassword = password == null || password.isEmpty()
                ? site.get(PASSWORD).orElse(settings.smtpPassword()) : password;
        MailSettings checked = of(host, port, user, keptPassword, tls, from);
        site.put(HOST, checked.host());
        site.put(PORT, String.valueOf(checked.port()));
        site.put(USER, checked.user());
        site.put(PASSWORD, checked.password());
        site.put(TLS, checked.security().name().toLowerCase());
        site.put(FROM, checked.from().value());
        site.put(OVERRIDE, "on");
        cached = null;
        return checked;
    }

    /** Goes back to the configured values. */
    public void useConfiguration() {
        site.put(OVERRIDE, "off");
        cached = null;
    }

    void changed(@Observes SiteSettingsChanged event) {
        if (event.setting() != null && event.setting().startsWith("mail.")) {
            cached = null;
        }
    }

    private MailSettings stored() {
        MailSettings base = configured();
        return of(site.get(HOST).orElse(base.host()), site.get(PORT).orElse(String.valueOf(base.port())),
                site.get(USER).orElse(base.user()), site.get(PASSWORD).orElse(base.password()),
                site.get(TLS).orElse(base.security().name()), site.get(FROM).orElse(base.from().value()));
    }

    /**
     * Builds settings from typed values; an empty port takes the usual one of the TLS mode (25, 587, 465).
     *
     * @throws InvalidMailException if the port or the sender address is not valid
     */
    public static MailSettings of(String host, String port, String user, String password, String tls, String from) {
        SmtpSecurity security = SmtpSecurity.parse(tls);
        int p;
        String typed = port == null ? "" : port.trim();
        if (typed.isEmpty()) {
            p = switch (security) {
                case NONE -> 25;
                case STARTTLS -> 587;
                case SSL -> 465;
            };
        } else {
            try {
                p = Integer.parseInt(typed);
            } catch (NumberFormatException e) {
                throw new InvalidMailException("Not a port number: " + typed);
            }
        }
        Optional<EmailAddress> sender = EmailAddress.parse(from);
        if (sender.isEmpty()) {
            throw new InvalidMailException("Not a valid sender address");
        }
        String h = host == null ? "" : host.trim();
        if (!h.isEmpty() && !h.matches("[A-Za-z0-9.:\\[\\]-]{1,253}")) {
            throw new InvalidMailException("Not a host name");
        }
        return new MailSettings(h, p, user, password, security, sender.get());
    }
}
