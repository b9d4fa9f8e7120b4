package org.scriptorium.content.application;

import java.time.Instant;
import java.util.Optional;

import org.scriptorium.content.domain.PublicationStatus;

/** One translation in the back-office article list. */
public record ArticleRow(long articleId, String language, String title, String slug, PublicationStatus status,
                         Optional<Instant> publishAt, Instant updatedAt, String authorName, int revision) {
}
