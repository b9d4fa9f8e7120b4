package org.scriptorium.platform.memo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Answers kept in memory until the owner says they may be wrong ({@link #forgetAll()}), for at most a time to
 * live, and at most a number of them.
 *
 * <p>An answer computed while a change commits is not kept: each answer is tagged with the generation it
 * started in, and {@link #forgetAll()} starts a new one. Past the bound the memo starts empty again, so keys
 * made up by a crawler cannot grow it without end. Answers must be immutable: one is shared by every thread
 * that asks the same question. Thread-safe; one instance per owner.
 */
public final class Memo {

    private record Entry(Object value, long generation, Instant expires) {
    }

    private final Map<List<Object>, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final Clock clock;
    private final Duration timeToLive;
    private final int maxEntries;

    public Memo(Clock clock, Duration timeToLive, int maxEntries) {
        this.clock = clock;
        this.timeToLive = timeToLive;
        this.maxEntries = maxEntries;
    }

    /**
     * The answer kept under a key, or the one computed now, kept when {@code worthKeeping} says so and nothing
     * was forgotten meanwhile.
     */
    @SuppressWarnings("unchecked")
    public <T> T answer(List<Object> key, Supplier<T> compute, Predicate<? super T> worthKeeping) {
        Instant now = clock.instant();
        long started = generation.get();
        Entry kept = entries.get(key);
        if (kept != null && kept.generation() == started && now.isBefore(kept.expires())) {
            return (T) kept.value();
        }
        T value = compute.get();
        if (value != null && worthKeeping.test(value) && generation.get() == started) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry(value, started, now.plus(timeToLive)));
        }
        return value;
    }

    /** Drops every answer; answers being computed now will not be kept. */
    public void forgetAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    /** How many answers are kept now. */
    public int size() {
        return entries.size();
    }
}
