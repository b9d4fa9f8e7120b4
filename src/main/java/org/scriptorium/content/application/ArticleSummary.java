package org.scriptorium.content.application;

import java.time.Instant;

/** A published translation as a list shows it. Read-only; themes render it. */
public record ArticleSummary(long articleId, String language, String title, String slug, String excerpt,
                             String authorName, String authorSlug, Instant publishedAt) {
}
