package org.scriptorium.content.application;

import java.time.Instant;

/**
 * A published translation as a list shows it. Read-only; themes render it.
 *
 * @param image    the site-relative path of the featured image ({@code /media/...}), or null
 * @param imageAlt its text alternative in this language, or null
 */
public record ArticleSummary(long articleId, String language, String title, String slug, String excerpt,
                             String authorName, String authorSlug, Instant publishedAt, String image, String imageAlt) {
}
