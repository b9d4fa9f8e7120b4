package org.scriptorium.comments.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.scriptorium.comments.domain.CommentsChanged;
import org.scriptorium.content.domain.ContentEvent;
import org.scriptorium.platform.memo.Memo;
import org.scriptorium.settings.domain.SiteSettingsChanged;

/**
 * The approved comments of each article translation as every anonymous reader sees them, kept in memory so
 * that a page rendered afresh does not read them again. A reader with comments of their own awaiting
 * moderation is always answered from the database.
 *
 * <p>Lifecycle: one instance per deployment, empty at start. Everything is forgotten after a transaction
 * that fires {@link CommentsChanged} (a comment approved, or an approved one changed or removed), a
 * {@link ContentEvent} (an article withdrawn, or its comments closed) or {@link SiteSettingsChanged} (the
 * comment settings) commits; and each answer expires after a minute, which bounds how late comments close
 * by age. The mechanics are {@link Memo}'s.
 */
@ApplicationScoped
public class DiscussionMemo {

    private static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 5_000;

    private Memo memo;

    protected DiscussionMemo() {
    }

    @Inject
    public DiscussionMemo(Clock clock) {
        this.memo = new Memo(clock, TIME_TO_LIVE, MAX_ENTRIES);
    }

    /** A memo that keeps nothing (tests, tools). */
    public static DiscussionMemo off() {
        return new DiscussionMemo();
    }

    /** The anonymous discussion of a translation, kept or computed now. */
    public Optional<Discussion> discussion(long translationId, Supplier<Optional<Discussion>> compute) {
        return memo == null ? compute.get() : memo.answer(List.of(translationId), compute, Optional::isPresent);
    }

    /** Drops every kept discussion. */
    public void forgetAll() {
        if (memo != null) {
            memo.forgetAll();
        }
    }

    void onCommentsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentsChanged event) {
        forgetAll();
    }

    void onContentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentEvent event) {
        forgetAll();
    }

    void onSettingsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SiteSettingsChanged event) {
        forgetAll();
    }
}
