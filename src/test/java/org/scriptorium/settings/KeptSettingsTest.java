package org.scriptorium.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.scriptorium.settings.application.SiteSettings;
import org.scriptorium.settings.domain.SiteSetting;
import org.scriptorium.settings.domain.SiteSettingRepository;

/**
 * Settings read from the database are kept for two seconds: a change made through the same node applies at
 * once, one made by another node (straight into the shared database) within the two seconds.
 */
class KeptSettingsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    /** The shared database, counting its reads. */
    private static final class Stored implements SiteSettingRepository {
        final Map<String, SiteSetting> rows = new HashMap<>();
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public Optional<SiteSetting> find(String key) {
            reads.incrementAndGet();
            return Optional.ofNullable(rows.get(key));
        }

        @Override
        public SiteSetting save(SiteSetting setting) {
            rows.put(setting.getKey(), setting);
            return setting;
        }
    }

    private final Stored db = new Stored();
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final SiteSettings node = new SiteSettings(db, CLOCK, changed -> { }, nanos::get);
    private final SiteSettings otherNode = new SiteSettings(db, CLOCK, changed -> { }, nanos::get);

    @Test
    void aValueIsReadFromTheDatabaseOnceWhileFresh() {
        node.put("site.name", "Scriptorium");
        int before = db.reads.get();
        for (int i = 0; i < 100; i++) {
            assertThat(node.get("site.name")).hasValue("Scriptorium");
            assertThat(node.get("never.set")).isEmpty();
        }
        assertThat(db.reads.get() - before).isEqualTo(2);
    }

    @Test
    void aChangeThroughThisNodeAppliesAtOnce() {
        node.put("theme.active", "magazine");
        assertThat(node.get("theme.active")).hasValue("magazine");
        node.put("theme.active", "minimal");
        assertThat(node.get("theme.active")).hasValue("minimal");
        node.putUnannounced("form.secret", "one");
        assertThat(node.get("form.secret")).hasValue("one");
        node.putUnannounced("form.secret", "two");
        assertThat(node.get("form.secret")).hasValue("two");
    }

    @Test
    void aChangeByAnotherNodeAppliesWithinTwoSeconds() {
        node.put("theme.active", "magazine");
        assertThat(node.get("theme.active")).hasValue("magazine");
        otherNode.put("theme.active", "minimal");
        nanos.addAndGet(SiteSettings.FRESH_NANOS - 1);
        assertThat(node.get("theme.active")).hasValue("magazine");
        nanos.addAndGet(1);
        assertThat(node.get("theme.active")).hasValue("minimal");
    }
}
