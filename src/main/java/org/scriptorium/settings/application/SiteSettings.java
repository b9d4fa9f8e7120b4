package org.scriptorium.settings.application;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.settings.domain.SiteSetting;
import org.scriptorium.settings.domain.SiteSettingRepository;
import org.scriptorium.settings.domain.SiteSettingsChanged;

/**
 * The settings administrators change while the site runs. Values are read from the database on every call
 * (a primary-key lookup), so a change made on one node applies to the next request on any node, without a
 * restart; callers that need a value several times in one request keep it for that request. Every change
 * is announced as a {@link SiteSettingsChanged} event, on which the page cache drops what it holds.
 */
@ApplicationScoped
@Transactional
public class SiteSettings {

    /** The id of the theme that renders the public site. */
    public static final String ACTIVE_THEME = "theme.active";

    private SiteSettingRepository settings;
    private Clock clock;
    private Consumer<SiteSettingsChanged> announce;

    protected SiteSettings() {
    }

    @Inject
    public SiteSettings(SiteSettingRepository settings, Clock clock, Event<SiteSettingsChanged> events) {
        this(settings, clock, events::fire);
    }

    public SiteSettings(SiteSettingRepository settings, Clock clock, Consumer<SiteSettingsChanged> announce) {
        this.settings = settings;
        this.clock = clock;
        this.announce = announce;
    }

    public Optional<String> get(String key) {
        return settings.find(key).map(SiteSetting::getValue);
    }

    /** Stores a value, creating the setting the first time, and announces the change. */
    public void put(String key, String value) {
        store(key, value);
        announce.accept(new SiteSettingsChanged(key));
    }

    /**
     * Stores a value that no page shows, such as a form-signing secret made on first use, without announcing
     * it: announcing would empty the page cache, and the first article rendered after a start (which makes
     * the comment form's secret) would never be stored.
     */
    public void putUnannounced(String key, String value) {
        store(key, value);
    }

    private void store(String key, String value) {
        settings.find(key).ifPresentOrElse(s -> s.change(value, clock.instant()),
                () -> settings.save(new SiteSetting(key, value, clock.instant())));
    }
}
