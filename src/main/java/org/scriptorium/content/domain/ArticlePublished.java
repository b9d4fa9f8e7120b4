package org.scriptorium.content.domain;

import java.time.Instant;

/** A translation of an article became visible to readers (published now, or its scheduled time came). */
public record ArticlePublished(long articleId, String language, Instant at) implements ContentEvent {
}
