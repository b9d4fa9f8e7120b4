package org.scriptorium.content.domain;

import java.time.Instant;
import java.util.Collection;
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

    /** Visible translations of articles filed under any of the given categories, newest first. */
    List<ArticleTranslation> findPublishedInCategories(String language, Collection<Long> categoryIds, Instant now,
                                                       int offset, int limit);

    long countPublishedInCategories(String language, Collection<Long> categoryIds, Instant now);

    /** Visible translations in a language of the given articles, in no particular order; one query for all. */
    List<ArticleTranslation> findPublishedOf(String language, Collection<Long> articleIds, Instant now);

    /** Visible translations of articles carrying a tag, newest first. */
    List<ArticleTranslation> findPublishedWithTag(String language, long tagId, Instant now, int offset, int limit);

    long countPublishedWithTag(String language, long tagId, Instant now);

    /**
     * Visible translations of an author's articles (by the author's slug), newest first. Articles credited to a
     * guest author are left out here and in the author queries below: they belong to the guest's byline.
     */
    List<ArticleTranslation> findPublishedByAuthor(String language, String authorSlug, Instant now, int offset, int limit);

    long countPublishedByAuthor(String language, String authorSlug, Instant now);

    /** The languages in which an author has at least one visible translation. */
    List<String> languagesPublishedByAuthor(String authorSlug, Instant now);

    /** The slugs of the authors with at least one visible translation, in alphabetical order. */
    List<String> authorsPublished(Instant now);

    /**
     * Visible translations of other articles that share a category or a tag with an article, newest first;
     * the caller ranks them.
     */
    List<ArticleTranslation> findPublishedSharingCategoryOrTag(String language, long excludedArticleId,
                                                               Collection<Long> categoryIds, Collection<Long> tagIds,
                                                               Instant now, int limit);

    /** Translations for the back-office list, filtered and sorted as the query says. */
    List<ArticleTranslation> findForEditors(EditorialQuery query, int offset, int limit);

    long countForEditors(EditorialQuery query);

    /** SCHEDULED translations whose publish time is at or before {@code now}, oldest first. */
    List<ArticleTranslation> findDueForPublishing(Instant now, int limit);

    /** Counts of translations grouped by language and status. */
    List<StatusCount> countByLanguageAndStatus();

    long count();

    /** The translations that were made from the given one (their source reference points to it). */
    List<ArticleTranslation> findTranslatedFrom(long sourceTranslationId);

    /** Articles for the translation matrix, most recently changed first; only one author's when given. */
    List<Article> findArticles(Optional<Long> authorId, int offset, int limit);

    long countArticles(Optional<Long> authorId);

    /** How many translations are marked outdated. */
    long countOutdated();

    /** How many translations exist in any of the given languages. */
    long countInLanguages(Collection<String> languages);

    /** The publication times of the PUBLISHED translations published in {@code [from, until)}, for charts. */
    List<Instant> publicationTimes(Instant from, Instant until);

    /** How many translations have a status, in every language. */
    long countWithStatus(PublicationStatus status);

    /** One cell of the language-by-status count. */
    record StatusCount(String language, PublicationStatus status, long count) {
    }
}
