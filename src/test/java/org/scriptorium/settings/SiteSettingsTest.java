package org.scriptorium.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.settings.application.SiteSettings;
import org.scriptorium.settings.domain.SiteSettingsChanged;
import org.scriptorium.settings.infrastructure.JpaSiteSettingRepository;
import org.scriptorium.testing.TestDatabase;
import org.scriptorium.themes.application.ThemeRegistry;
import org.scriptorium.themes.domain.ThemeDescriptor;

/** Settings are stored per key and read back at once; the theme registry decides the active theme from them. */
class SiteSettingsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
    private static final List<ThemeDescriptor> THEMES = List.of(
            new ThemeDescriptor("magazine", "Magazine", "", "preview.svg", List.of("css/magazine.css"), List.of("layout", "home")),
            new ThemeDescriptor("minimal", "Minimal", "", "preview.svg", List.of("css/minimal.css"), List.of("layout")));
    private static TestDatabase db;

    @BeforeAll
    static void create() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static <T> T withRegistry(Function<ThemeRegistry, T> work) {
        return db.inTransaction(em -> work.apply(new ThemeRegistry(() -> THEMES,
                new SiteSettings(new JpaSiteSettingRepository(em), CLOCK, changed -> { }))));
    }

    private static java.util.Optional<String> setting(String key) {
        return db.inTransaction(em -> new SiteSettings(new JpaSiteSettingRepository(em), CLOCK, changed -> { }).get(key));
    }

    private static String activeId() {
        return withRegistry(r -> r.active().id());
    }

    private static String template(String name) {
        return withRegistry(r -> r.templatePath(name));
    }

    @Test
    void everyChangeIsAnnouncedSoThePageCacheCanDropItsPages() {
        java.util.List<SiteSettingsChanged> announced = new java.util.ArrayList<>();
        db.run(em -> new SiteSettings(new JpaSiteSettingRepository(em), CLOCK, announced::add).put(SiteSettings.ACTIVE_THEME, "minimal"));
        db.run(em -> new SiteSettings(new JpaSiteSettingRepository(em), CLOCK, announced::add).put(SiteSettings.ACTIVE_THEME, "magazine"));
        assertThat(announced).containsExactly(new SiteSettingsChanged(SiteSettings.ACTIVE_THEME),
                new SiteSettingsChanged(SiteSettings.ACTIVE_THEME));
    }

    @Test
    void aValueNoPageShowsIsStoredWithoutAnnouncement() {
        java.util.List<SiteSettingsChanged> announced = new java.util.ArrayList<>();
        db.run(em -> new SiteSettings(new JpaSiteSettingRepository(em), CLOCK, announced::add).putUnannounced("test.secret", "s3"));
        assertThat(setting("test.secret")).hasValue("s3");
        assertThat(announced).isEmpty();
    }

    @Test
    void aValueIsCreatedThenChangedInPlace() {
        db.run(em -> new SiteSettings(new JpaSiteSettingRepository(em), CLOCK, changed -> { }).put("test.key", "one"));
        db.run(em -> new SiteSettings(new JpaSiteSettingRepository(em), CLOCK, changed -> { }).put("test.key", "two"));
        assertThat(setting("test.key")).hasValue("two");
        assertThat(setting("never.set")).isEmpty();
    }

    @Test
    void theActiveThemeIsTheStoredChoiceWithTemplatesFallingBackToTheDefaultTheme() {
        assertThat(activeId()).isEqualTo("magazine");
        withRegistry(r -> {
            r.activate("minimal");
            return null;
        });
        assertThat(activeId()).isEqualTo("minimal");
        assertThat(template("layout")).isEqualTo("/themes/minimal/templates/layout.xhtml");
        assertThat(template("home")).isEqualTo("/themes/magazine/templates/home.xhtml");
        assertThatThrownBy(() -> withRegistry(r -> {
            r.activate("../etc");
            return null;
        })).isInstanceOf(IllegalArgumentException.class);
        db.run(em -> new SiteSettings(new JpaSiteSettingRepository(em), CLOCK, changed -> { }).put(SiteSettings.ACTIVE_THEME, "removed-theme"));
        assertThat(activeId()).isEqualTo("magazine");
    }
}
