package org.scriptorium.content.domain;

import java.time.Instant;

/** A translation of an article was taken off the site; its text is kept. */
public record ArticleUnpublished(long articleId, String language, Instant at) implements ContentEvent {
}
