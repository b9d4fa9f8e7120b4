package org.scriptorium.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

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
    private final SiteSettings node = new SiteSettings(db, CLOCK, changed -> { }, nanos::get, null);
    private final SiteSettings otherNode = new SiteSettings(db, CLOCK, changed -> { }, nanos::get, null);

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
    void aValueChangedByATransactionStillOpenIsNotKeptUntilItEnds() {
        OneTransaction tx = new OneTransaction();
        SiteSettings inTransaction = new SiteSettings(db, CLOCK, changed -> { }, nanos::get, tx);
        inTransaction.put("theme.active", "minimal");
        int before = db.reads.get();
        assertThat(inTransaction.get("theme.active")).hasValue("minimal");
        assertThat(inTransaction.get("theme.active")).hasValue("minimal");
        assertThat(db.reads.get() - before).as("read from the database each time, never kept").isEqualTo(2);
        tx.end(Status.STATUS_ROLLEDBACK);
        db.rows.remove("theme.active");
        assertThat(inTransaction.get("theme.active")).as("the rolled-back value was not kept").isEmpty();
        assertThat(inTransaction.get("theme.active")).isEmpty();
        assertThat(db.reads.get() - before).as("kept again once the transaction ended").isEqualTo(3);
    }

    /** A transaction that is active until the test ends it. */
    private static final class OneTransaction implements TransactionSynchronizationRegistry {
        private final List<Synchronization> synchronizations = new ArrayList<>();
        private int status = Status.STATUS_ACTIVE;

        void end(int outcome) {
            status = outcome;
            synchronizations.forEach(s -> s.afterCompletion(outcome));
        }

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
        }

        @Override
        public Object getResource(Object key) {
            return null;
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void setRollbackOnly() {
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
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
