package org.scriptorium.content.application;

import java.util.Map;
import java.util.Set;

/**
 * A tag page in one language: the tag's name and one page of the articles carrying it.
 *
 * @param slugsByLanguage language code to the tag's slug, for every language where it has a name
 * @param pageLanguages   the languages of {@code slugsByLanguage} in which this page number exists too (all of
 *                        them for the first page; for a later one, those with enough articles), this one included
 */
public record TagListing(long tagId, String language, String name, String slug, Paged<ArticleSummary> articles,
                         Map<String, String> slugsByLanguage, Set<String> pageLanguages) {
}
