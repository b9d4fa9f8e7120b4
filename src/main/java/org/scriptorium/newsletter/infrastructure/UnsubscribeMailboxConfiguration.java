package org.scriptorium.newsletter.infrastructure;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.scriptorium.newsletter.application.UnsubscribeMailboxSettings;

/** Reads the {@link UnsubscribeMailboxSettings} once per deployment from MicroProfile Config. */
@ApplicationScoped
public class UnsubscribeMailboxConfiguration {

    private static final Logger LOG = Logger.getLogger(UnsubscribeMailboxConfiguration.class.getName());

    private UnsubscribeMailboxSettings mailbox;

    /**
     * The settings; a value that is not valid turns the mailbox off (and the mailto back to the sender address)
     * with one SEVERE line naming the key, rather than failing the whole site for an optional feature.
     */
    @Produces
    public UnsubscribeMailboxSettings settings() {
        if (mailbox == null) {
            try {
                mailbox = from(ConfigProvider.getConfig(UnsubscribeMailboxConfiguration.class.getClassLoader()));
            } catch (IllegalArgumentException e) {
                LOG.severe(() -> e.getMessage() + ": the unsubscribe mailbox is off until this is fixed");
                mailbox = UnsubscribeMailboxSettings.off();
            }
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
