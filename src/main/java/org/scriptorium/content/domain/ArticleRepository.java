package org.scriptorium.content.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Access to articles and their translations. */
public interface ArticleRepository {

    Article save(Article article);

    Optional<Article> findById(long id);

    Optional<ArticleTranslation> findTranslationById(long id);

    /** The translation with this slug in this language, whatever its status. */
    Optional<ArticleTranslation> findTranslationBySlug(String language, String slug);

    /** Translations visible to readers at {@code now} in a language, newest first. */
    List<ArticleTranslation> findPublished(String language, Instant now, int offset, int limit);

    long countPublished(String language, Instant now);

    /** Counts of translations grouped by language and status. */
    List<StatusCount> countByLanguageAndStatus();

    long count();

    /** One cell of the language-by-status count. */
    record StatusCount(String language, PublicationStatus status, long count) {
    }
}
