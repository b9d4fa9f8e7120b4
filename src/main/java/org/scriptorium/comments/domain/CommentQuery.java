package org.scriptorium.comments.domain;

import java.util.Optional;

/**
 * What the moderation queue lists: one status, optionally one language, one article and a text found in
 * the name, e-mail or comment text.
 */
public record CommentQuery(CommentStatus status, Optional<String> language, Optional<Long> articleId,
                           Optional<String> text) {
}
