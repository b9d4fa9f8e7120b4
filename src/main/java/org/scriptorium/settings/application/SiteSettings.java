package org.scriptorium.settings.application;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.scriptorium.settings.domain.SiteSetting;
import org.scriptorium.settings.domain.SiteSettingRepository;
import org.scriptorium.settings.domain.SiteSettingsChanged;

/**
 * The settings administrators change while the site runs, without a restart. A value read from the database
 * is kept for {@link #FRESH_NANOS two seconds}: pages and comment posts read a dozen settings each, and a
 * database round trip for every one of them was a fifth of the cost of posting a comment. A change made on
 * this node applies at once: the kept value is dropped when the change is stored and again when its
 * transaction ends, and until then the key is read from the database and not kept, so neither the old value
 * nor one that may still be rolled back is kept. A change made on another node applies here within two
 * seconds. Every change is announced as a {@link SiteSettingsChanged} event, on
 * which the page cache drops what it holds.
 */
@ApplicationScoped
@Transactional
public class SiteSettings {

    /** The id of the theme that renders the public site. */
    public static final String ACTIVE_THEME = "theme.active";

    /** How long a value read from the database is used before it is read again. */
    public static final long FRESH_NANOS = 2_000_000_000L;

    private SiteSettingRepository settings;
    private Clock clock;
    private Consumer<SiteSettingsChanged> announce;
    private LongSupplier nanoTime = System::nanoTime;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    /** Keys changed by a transaction that has not ended: read from the database, never kept, until it ends. */
    private final Map<String, Integer> changing = new ConcurrentHashMap<>();

    @Resource
    private TransactionSynchronizationRegistry transactions;

    private record Kept(Optional<String> value, long readAt) {
    }

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

    /**
     * With the clock that decides when a kept value is read again and the registry that says when a change's
     * transaction ends (tests drive both by hand; the registry may be null: no transaction).
     */
    public SiteSettings(SiteSettingRepository settings, Clock clock, Consumer<SiteSettingsChanged> announce,
                        LongSupplier nanoTime, TransactionSynchronizationRegistry transactions) {
        this(settings, clock, announce);
        this.nanoTime = nanoTime;
        this.transactions = transactions;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> get(String key) {
        long now = nanoTime.getAsLong();
        Kept k = kept.get(key);
        if (k != null && now - k.readAt() < FRESH_NANOS) {
            return k.value();
        }
        Optional<String> value = settings.find(key).map(SiteSetting::getValue);
        if (!changing.containsKey(key)) {
            kept.put(key, new Kept(value, now));
        }
        return value;
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
        kept.remove(key);
        settings.find(key).ifPresentOrElse(s -> s.change(value, clock.instant()),
                () -> settings.save(new SiteSetting(key, value, clock.instant())));
        forgetWhenTransactionEnds(key);
    }

    private void forgetWhenTransactionEnds(String key) {
        if (transactions == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            kept.remove(key);
            return;
        }
        changing.merge(key, 1, Integer::sum);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                changing.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
                kept.remove(key);
            }
        });
    }
}
