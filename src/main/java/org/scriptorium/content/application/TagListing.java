package org.scriptorium.content.application;

import java.util.Map;

/**
 * A tag page in one language: the tag's name and one page of the articles carrying it.
 *
 * @param slugsByLanguage language code to the tag's slug, for every language where it has a name
 */
public record TagListing(long tagId, String language, String name, String slug, Paged<ArticleSummary> articles,
                         Map<String, String> slugsByLanguage) {
}
