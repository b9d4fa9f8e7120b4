package org.scriptorium.comments.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where comments and the discard log are kept. */
public interface CommentRepository {

    Comment save(Comment comment);

    Optional<Comment> findById(long id);

    List<Comment> findByIds(Collection<Long> ids);

    /**
     * A comment read for a change, locked until the transaction ends. Moderators, the Akismet runner and the
     * notifier change the same comments; each waits for the other's commit and then sees its result, instead
     * of failing on a version that changed under it.
     */
    Optional<Comment> lockById(long id);

    /** Several comments read for a change and locked, always in the same order; see {@link #lockById}. */
    List<Comment> lockByIds(Collection<Long> ids);

    /** Approved comments of a translation, oldest first. */
    List<Comment> findApproved(long translationId);

    /** Comments of a translation with the given ids, whatever their status (a reader's own pending ones). */
    List<Comment> findOwn(long translationId, Collection<Long> ids);

    /** Approved comments per article and language ("42/it"), for the given articles. */
    Map<String, Long> countApproved(Collection<Long> articleIds);

    List<Comment> find(CommentQuery query, int offset, int limit);

    long count(CommentQuery query);

    /** How many comments have each status. */
    Map<CommentStatus, Long> countByStatus();

    /** Whether a reader's comment from an address or e-mail was stored after a time, for flood control. */
    boolean existsSince(String userIp, String email, Instant since);

    /** Whether the e-mail has an approved comment already (a known author). */
    boolean hasApproved(String email);

    /** Comments waiting for an Akismet check whose time has come, oldest first. */
    List<Comment> findDueForCheck(Instant now, int limit);

    /** Pending comments moderators have not been told about yet. */
    List<Comment> findPendingNotNotified(int limit);

    void delete(Comment comment);

    /** Deletes comments with a status last changed before a time; returns how many. */
    int deleteWithStatusBefore(CommentStatus status, Instant before);

    DiscardedComment saveDiscard(DiscardedComment discarded);

    List<DiscardedComment> recentDiscards(int limit);

    /** Deletes discard-log entries older than a time; returns how many. */
    int purgeDiscardsBefore(Instant before);

    /** Comments created per day (UTC) from {@code from} (inclusive) to {@code to} (exclusive), optionally of one status. */
    Map<LocalDate, Long> countPerDay(Instant from, Instant to, Optional<CommentStatus> status);
}
