package org.scriptorium.comments.domain;

/**
 * A comment now waits for a moderator. Observed after the commit by whatever tells the moderators.
 *
 * @param commentId the comment
 */
public record NewPendingComment(long commentId) {
}
