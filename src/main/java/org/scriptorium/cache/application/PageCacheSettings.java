package org.scriptorium.cache.application;

import java.time.Duration;

/**
 * How the page cache behaves; every value has a MicroProfile Config key (and so an environment variable).
 *
 * @param enabled        {@code scriptorium.cache.enabled}: false turns the cache off (pages are still
 *                       compressed and get validators)
 * @param maxEntries     {@code scriptorium.cache.max.entries}: at most this many pages are kept
 * @param maxBytes       {@code scriptorium.cache.max.bytes}: at most this many bytes of bodies are kept; a
 *                       single page larger than a quarter of it is never cached
 * @param timeToLive     {@code scriptorium.cache.ttl.seconds}: a page is rendered again after this long even
 *                       when no event said so (a scheduled article becomes visible by the clock alone)
 * @param loopbackBypass {@code scriptorium.cache.bypass.loopback}: honour the request header
 *                       {@code X-Scriptorium-Cache: bypass} from loopback clients, for benchmarks
 * @param front          {@code scriptorium.cache.front}: answer cache hits ahead of the container's security
 *                       checks (the web layer's cache front) rather than from the first filter
 */
public record PageCacheSettings(boolean enabled, int maxEntries, long maxBytes, Duration timeToLive,
                                boolean loopbackBypass, boolean front) {

    public static final String ENABLED = "scriptorium.cache.enabled";
    public static final String MAX_ENTRIES = "scriptorium.cache.max.entries";
    public static final String MAX_BYTES = "scriptorium.cache.max.bytes";
    public static final String TTL_SECONDS = "scriptorium.cache.ttl.seconds";
    public static final String LOOPBACK_BYPASS = "scriptorium.cache.bypass.loopback";
    public static final String FRONT = "scriptorium.cache.front";

    /** The defaults: on, 2,000 pages, 64 MiB, five minutes, bypass from loopback allowed, front on. */
    public static PageCacheSettings defaults() {
        return new PageCacheSettings(true, 2_000, 64L * 1024 * 1024, Duration.ofMinutes(5), true, true);
    }

    public PageCacheSettings {
        if (maxEntries < 1 || maxBytes < 1 || timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("Page cache bounds must be positive");
        }
    }

    /** The largest page that may be cached. */
    public long maxPageBytes() {
        return maxBytes / 4;
    }
}
