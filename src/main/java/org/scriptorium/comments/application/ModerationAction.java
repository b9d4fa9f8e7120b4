package org.scriptorium.comments.application;

/** What a moderator can do to selected comments in the queue. */
public enum ModerationAction {
    APPROVE, UNAPPROVE, SPAM, NOT_SPAM, TRASH, DELETE
}
