package org.scriptorium.comments.application;

import java.util.Map;

import org.scriptorium.comments.domain.CommentStatus;

/** What became of a posted comment. */
public sealed interface PostResult {

    /** Nothing stored: fields to correct, as field name to UI-string key. */
    record Invalid(Map<String, String> errors) implements PostResult {
    }

    /** Nothing stored, for a reason the reader is told (a UI-string key), such as comments being closed. */
    record Refused(String messageKey) implements PostResult {
    }

    /** No published translation with that id. */
    record NotFound() implements PostResult {
    }

    /**
     * Stored durably (or, for blatant spam, logged as discarded: then {@code commentId} is 0).
     *
     * @param status where the comment stands now; Akismet may still move a PENDING one to SPAM
     */
    record Accepted(long commentId, CommentStatus status) implements PostResult {
    }
}
