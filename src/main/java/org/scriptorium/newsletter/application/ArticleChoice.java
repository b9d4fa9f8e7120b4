package org.scriptorium.newsletter.application;

import java.time.Instant;

/**
 * A published article an editor may pick for an edition.
 *
 * @param articleId   the article
 * @param title       its title in its source language
 * @param language    that language
 * @param publishedAt when it was first visible
 */
public record ArticleChoice(long articleId, String title, String language, Instant publishedAt) {
}
