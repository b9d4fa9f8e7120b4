package org.scriptorium.push.infrastructure;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.scriptorium.platform.config.Settings;
import org.scriptorium.push.application.PushSettings;
import org.scriptorium.push.domain.EndpointPolicy;

/** Reads the {@link PushSettings} once per deployment from MicroProfile Config. */
@ApplicationScoped
public class PushConfiguration {

    @Inject
    private Settings settings;

    private PushSettings push;

    @Produces
    public PushSettings settings() {
        if (push == null) {
            push = from(ConfigProvider.getConfig(PushConfiguration.class.getClassLoader()), "mailto:" + settings.adminEmail());
        }
        return push;
    }

    /** The settings in a configuration, each key falling back to its default. */
    public static PushSettings from(Config config, String defaultSubject) {
        PushSettings d = PushSettings.defaults(defaultSubject);
        return new PushSettings(
                config.getOptionalValue(PushSettings.ENDPOINTS, String.class).filter(s -> !s.isBlank())
                        .map(EndpointPolicy::of).orElse(d.endpoints()),
                config.getOptionalValue(PushSettings.SUBJECT, String.class).filter(s -> !s.isBlank()).orElse(d.subject()),
                config.getOptionalValue(PushSettings.RETRY_SECONDS, Long.class).map(Duration::ofSeconds).orElse(d.retryBase()),
                config.getOptionalValue(PushSettings.MAX_ATTEMPTS, Integer.class).orElse(d.maxAttempts()),
                config.getOptionalValue(PushSettings.TTL_SECONDS, Long.class).map(Duration::ofSeconds).orElse(d.timeToLive()));
    }
}
