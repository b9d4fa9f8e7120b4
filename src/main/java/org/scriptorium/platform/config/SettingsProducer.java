package org.scriptorium.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Makes the start-up {@link Settings} injectable; they are read once per deployment. */
@ApplicationScoped
public class SettingsProducer {

    private final Settings settings = Settings.load();

    @Produces
    public Settings settings() {
        return settings;
    }
}
