package org.scriptorium.comments.domain;

/**
 * A comment was stored and passed the cheap checks, so Akismet is to be asked about it. Observed after the
 * commit, which starts the check off the reader's request.
 *
 * @param commentId the comment to check
 */
public record CommentStored(long commentId) {
}
