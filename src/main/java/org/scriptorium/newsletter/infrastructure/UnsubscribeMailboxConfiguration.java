package org.scriptorium.newsletter.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.scriptorium.newsletter.application.UnsubscribeMailboxSettings;

/** Reads the {@link UnsubscribeMailboxSettings} once per deployment from MicroProfile Config. */
@ApplicationScoped
public class UnsubscribeMailboxConfiguration {

    private UnsubscribeMailboxSettings mailbox;

    @Produces
    public UnsubscribeMailboxSettings settings() {
        if (mailbox == null) {
            mailbox = from(ConfigProvider.getConfig(UnsubscribeMailboxConfiguration.class.getClassLoader()));
        }
        return mailbox;
    }

    /** The settings in a configuration, each key falling back to its default. */
    public static UnsubscribeMailboxSettings from(Config config) {
        return UnsubscribeMailboxSettings.of(get(config, UnsubscribeMailboxSettings.ADDRESS), get(config, UnsubscribeMailboxSettings.HOST),
                get(config, UnsubscribeMailboxSettings.PORT), get(config, UnsubscribeMailboxSettings.USER),
                get(config, UnsubscribeMailboxSettings.PASSWORD), get(config, UnsubscribeMailboxSettings.TLS),
                get(config, UnsubscribeMailboxSettings.FOLDER), get(config, UnsubscribeMailboxSettings.POLL_SECONDS));
    }

    private static String get(Config config, String key) {
        return config.getOptionalValue(key, String.class).orElse("");
    }
}
