package org.scriptorium.comments.domain;

/**
 * A moderator overruled the spam judgement of a comment; Akismet is to be told (submit-spam or submit-ham)
 * after the commit, with the data exactly as the reader submitted it.
 *
 * @param commentId the comment
 * @param spam      true for submit-spam, false for submit-ham
 */
public record FeedbackRequested(long commentId, boolean spam) {
}
