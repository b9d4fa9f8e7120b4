package org.scriptorium.cache.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.scriptorium.cache.domain.CachedPage;
import org.scriptorium.cache.domain.PageKey;
import org.scriptorium.comments.domain.CommentsChanged;
import org.scriptorium.settings.domain.SiteSettingsChanged;
import org.scriptorium.content.domain.ContentEvent;

/**
 * Rendered public pages kept in memory, so that an anonymous reader's request is answered without
 * touching the database or Faces.
 *
 * <p>Lifecycle: one instance per deployment, empty at start. The web layer stores a page after rendering
 * it and looks it up before rendering; the cache is bounded by entry count and bytes, and drops the least
 * recently used pages first. Every entry also expires after the configured time to live, which bounds how
 * late a page notices what no event announces (a scheduled article whose time came).
 *
 * <p>Invalidation is total: a published, edited or withdrawn article changes home pages, lists, feeds,
 * sitemaps and the language switcher of every translation, so working out the affected URLs would be
 * fragile for little gain. Any {@link ContentEvent}, {@link CommentsChanged} (a comment approved, or an
 * approved one changed) or {@link SiteSettingsChanged} empties the cache after
 * the firing transaction commits (at once when fired outside one). A render that began before an
 * invalidation is not stored after it: puts carry the generation they started in.
 *
 * <p>The cache is per node. With several nodes the events must reach every node (Payara's clustered CDI
 * events), which this class needs no change for.
 */
@ApplicationScoped
public class PageCache {

    private static final Logger LOG = Logger.getLogger(PageCache.class.getName());

    private PageCacheSettings settings;
    private Clock clock;

    private final Map<PageKey, Slot> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong ticks = new AtomicLong();

    /** An entry and when it was last used, for eviction. */
    private static final class Slot {
        final CachedPage page;
        volatile long lastUsed;

        Slot(CachedPage page, long lastUsed) {
            this.page = page;
            this.lastUsed = lastUsed;
        }
    }

    protected PageCache() {
    }

    @Inject
    public PageCache(PageCacheSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public boolean isEnabled() {
        return settings.enabled();
    }

    public PageCacheSettings settings() {
        return settings;
    }

    /** The page stored under a key, unless it has expired. */
    public Optional<CachedPage> find(PageKey key) {
        Slot slot = entries.get(key);
        if (slot == null) {
            return Optional.empty();
        }
        if (slot.page.isExpiredAt(clock.instant())) {
            remove(key, slot);
            return Optional.empty();
        }
        slot.lastUsed = ticks.incrementAndGet();
        return Optional.of(slot.page);
    }

    /** The current generation; take it before rendering and pass it to {@link #put}. */
    public long generation() {
        return generation.get();
    }

    /** When a page rendered now must be rendered again at the latest. */
    public Instant expiryFor(Instant renderedAt) {
        return renderedAt.plus(settings.timeToLive());
    }

    /**
     * Stores a page rendered during generation {@code renderedIn}. Returns false, storing nothing, when the
     * cache is off, the page is too large, or the cache was invalidated since the render began.
     */
    public synchronized boolean put(PageKey key, CachedPage page, long renderedIn) {
        if (!settings.enabled() || page.size() > settings.maxPageBytes() || generation.get() != renderedIn) {
            return false;
        }
        Slot previous = entries.put(key, new Slot(page, ticks.incrementAndGet()));
        bytes.addAndGet(page.size() - (previous == null ? 0 : previous.page.size()));
        if (entries.size() > settings.maxEntries() || bytes.get() > settings.maxBytes()) {
            evictLeastRecentlyUsed();
        }
        return true;
    }

    /** Drops every page; pages being rendered now will not be stored. */
    public synchronized void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
        bytes.set(0);
    }

    public int size() {
        return entries.size();
    }

    public long bytes() {
        return bytes.get();
    }

    void onContentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentEvent event) {
        LOG.fine(() -> "Page cache emptied: " + event);
        invalidateAll();
    }

    void onCommentsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentsChanged event) {
        LOG.fine(() -> "Page cache emptied: " + event);
        invalidateAll();
    }

    void onSettingsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SiteSettingsChanged event) {
        LOG.fine(() -> "Page cache emptied: " + event);
        invalidateAll();
    }

    private synchronized void remove(PageKey key, Slot slot) {
        if (entries.remove(key, slot)) {
            bytes.addAndGet(-slot.page.size());
        }
    }

    /** Drops the least recently used pages until the cache is at 90 % of both bounds. */
    private void evictLeastRecentlyUsed() {
        long entryTarget = Math.max(1, settings.maxEntries() * 9L / 10);
        long byteTarget = settings.maxBytes() * 9 / 10;
        List<Map.Entry<PageKey, Slot>> byAge = new ArrayList<>(entries.entrySet());
        byAge.sort(Comparator.comparingLong(e -> e.getValue().lastUsed));
        for (Map.Entry<PageKey, Slot> e : byAge) {
            if (entries.size() <= entryTarget && bytes.get() <= byteTarget) {
                break;
            }
            remove(e.getKey(), e.getValue());
        }
    }
}
