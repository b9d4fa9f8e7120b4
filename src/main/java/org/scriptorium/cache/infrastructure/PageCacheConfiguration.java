package org.scriptorium.cache.infrastructure;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.scriptorium.cache.application.PageCacheSettings;

/** Reads the {@link PageCacheSettings} once per deployment from MicroProfile Config. */
@ApplicationScoped
public class PageCacheConfiguration {

    private PageCacheSettings settings;

    @Produces
    public PageCacheSettings settings() {
        if (settings == null) {
            settings = from(ConfigProvider.getConfig(PageCacheConfiguration.class.getClassLoader()));
        }
        return settings;
    }

    /** The settings in a configuration, each key falling back to its default. */
    public static PageCacheSettings from(Config config) {
        PageCacheSettings d = PageCacheSettings.defaults();
        return new PageCacheSettings(
                config.getOptionalValue(PageCacheSettings.ENABLED, Boolean.class).orElse(d.enabled()),
                config.getOptionalValue(PageCacheSettings.MAX_ENTRIES, Integer.class).orElse(d.maxEntries()),
                config.getOptionalValue(PageCacheSettings.MAX_BYTES, Long.class).orElse(d.maxBytes()),
                config.getOptionalValue(PageCacheSettings.TTL_SECONDS, Long.class).map(Duration::ofSeconds)
                        .orElse(d.timeToLive()),
                config.getOptionalValue(PageCacheSettings.LOOPBACK_BYPASS, Boolean.class).orElse(d.loopbackBypass()),
                config.getOptionalValue(PageCacheSettings.FRONT, Boolean.class).orElse(d.front()));
    }
}
