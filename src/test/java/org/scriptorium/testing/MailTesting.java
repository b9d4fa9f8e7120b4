package org.scriptorium.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.scriptorium.i18n.application.UiTexts;
import org.scriptorium.mail.application.MailConfiguration;
import org.scriptorium.mail.application.MailTemplates;
import org.scriptorium.mail.application.Mailer;
import org.scriptorium.mail.infrastructure.ConfiguredMailSender;
import org.scriptorium.mail.infrastructure.FileOutbox;
import org.scriptorium.platform.config.Settings;
import org.scriptorium.settings.application.SiteSettings;
import org.scriptorium.settings.domain.SiteSetting;
import org.scriptorium.settings.domain.SiteSettingRepository;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** Wiring for mail tests: settings from a map, site settings in memory, GreenMail on a free port. */
public final class MailTesting {

    private MailTesting() {
    }

    /** Start-up settings from configuration keys ({@code scriptorium.smtp.host}, ...). */
    public static Settings settings(Map<String, String> values) {
        return Settings.from(MapConfig.of(values));
    }

    /** Site settings kept in a map (no database). */
    public static SiteSettings siteSettings(Clock clock) {
        Map<String, SiteSetting> rows = new HashMap<>();
        SiteSettingRepository repo = new SiteSettingRepository() {
            @Override
            public Optional<SiteSetting> find(String key) {
                return Optional.ofNullable(rows.get(key));
            }

            @Override
            public SiteSetting save(SiteSetting setting) {
                rows.put(setting.getKey(), setting);
                return setting;
            }
        };
        return new SiteSettings(repo, clock, changed -> { });
    }

    /** A mailer over the given configuration, with its outbox in {@code outbox}. */
    public static Mailer mailer(MailConfiguration configuration, Path outbox) {
        return new Mailer(new MailTemplates(new UiTexts()), configuration, new ConfiguredMailSender(new FileOutbox(outbox)));
    }

    /** GreenMail speaking SMTP on a free local port, started. */
    public static GreenMail greenMail() {
        GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
