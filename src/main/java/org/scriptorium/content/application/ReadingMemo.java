package org.scriptorium.content.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.scriptorium.content.domain.ContentEvent;
import org.scriptorium.platform.memo.Memo;

/**
 * The answers of {@link ReadingService} kept in memory until content changes, so that a page rendered
 * again (its cached copy dropped by an edit, a comment or its age, or a reader the page cache does not
 * serve) does not ask the database the same questions: the article by its slug, the related and latest
 * articles, the categories of the header. Rendering an article page spent about half its time in those
 * queries.
 *
 * <p>Lifecycle: one instance per deployment, empty at start. Any {@link ContentEvent} (an article
 * published, edited or withdrawn, a category or tag changed, a scheduled article's time come) drops every
 * answer after the firing transaction commits. An answer computed while such a change commits is not
 * kept: each is tagged with the generation it started in, as the page cache does. Answers also expire after
 * {@link #TIME_TO_LIVE}, which bounds how late a change that announces nothing (an author renamed) shows,
 * and at most {@link #MAX_ENTRIES} are kept (only answers worth keeping are: a missing article is not). The
 * mechanics are {@link Memo}'s.
 *
 * <p>Answers are immutable views (records of lists and strings), so sharing one between requests is safe.
 * The memo is per node, like the page cache.
 */
@ApplicationScoped
public class ReadingMemo {

    /** How long an answer is kept at most. */
    static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);
    /** How many answers are kept at most. */
    static final int MAX_ENTRIES = 5_000;

    private Memo memo;

    protected ReadingMemo() {
    }

    @Inject
    public ReadingMemo(Clock clock) {
        this.memo = new Memo(clock, TIME_TO_LIVE, MAX_ENTRIES);
    }

    /** A memo that keeps nothing: every question goes to the database (tests, tools). */
    public static ReadingMemo off() {
        return new ReadingMemo();
    }

    /**
     * The answer kept under a key, or the one computed now (and kept when {@code worthKeeping} says so and
     * no content change committed meanwhile).
     */
    public <T> T answer(List<Object> key, Supplier<T> compute, Predicate<? super T> worthKeeping) {
        return memo == null ? compute.get() : memo.answer(key, compute, worthKeeping);
    }

    /** Drops every answer; answers being computed now will not be kept. */
    public void forgetAll() {
        if (memo != null) {
            memo.forgetAll();
        }
    }

    /** How many answers are kept now. */
    public int size() {
        return memo == null ? 0 : memo.size();
    }

    void onContentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentEvent event) {
        forgetAll();
    }
}
