package org.scriptorium.comments.domain;

import java.time.Instant;

/**
 * What readers see of the comments changed: a comment was approved, or an approved one was edited,
 * unapproved, trashed or deleted. Fired inside the transaction that made the change; the page cache drops
 * its pages after the commit.
 *
 * @param commentId the comment
 * @param language  the language of the commented translation
 * @param at        when
 */
public record CommentsChanged(long commentId, String language, Instant at) {
}
