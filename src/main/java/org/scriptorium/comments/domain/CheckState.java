package org.scriptorium.comments.domain;

/** How far the asynchronous Akismet check of a comment has come. */
public enum CheckState {
    /** Akismet is still to be asked (first time or again after an error); see the next-check time. */
    WAITING,
    /** Akismet answered, or was off, or a moderator decided first: nothing more to check. */
    DONE
}
