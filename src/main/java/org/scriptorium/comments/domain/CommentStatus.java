package org.scriptorium.comments.domain;

/** Where a comment stands in moderation; only {@link #APPROVED} comments are shown to readers. */
public enum CommentStatus {
    /** Waiting for a moderator (or for a spam check to finish). */
    PENDING,
    /** Visible under the article. */
    APPROVED,
    /** Judged spam by a check or a moderator; purged after the configured age. */
    SPAM,
    /** Removed by a moderator; kept until deleted permanently. */
    TRASH
}
