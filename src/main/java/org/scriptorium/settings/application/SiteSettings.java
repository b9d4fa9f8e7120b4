package org.scriptorium.settings.application;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.settings.domain.SiteSetting;
import org.scriptorium.settings.domain.SiteSettingRepository;

/**
 * The settings administrators change while the site runs. Values are read from the database on every call
 * (a primary-key lookup), so a change made on one node applies to the next request on any node, without a
 * restart; callers that need a value several times in one request keep it for that request.
 */
@ApplicationScoped
@Transactional
public class SiteSettings {

    /** The id of the theme that renders the public site. */
    public static final String ACTIVE_THEME = "theme.active";

    private SiteSettingRepository settings;
    private Clock clock;

    protected SiteSettings() {
    }

    @Inject
    public SiteSettings(SiteSettingRepository settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public Optional<String> get(String key) {
        return settings.find(key).map(SiteSetting::getValue);
    }

    /** Stores a value, creating the setting the first time. */
    public void put(String key, String value) {
        settings.find(key).ifPresentOrElse(s -> s.change(value, clock.instant()),
                () -> settings.save(new SiteSetting(key, value, clock.instant())));
    }
}
