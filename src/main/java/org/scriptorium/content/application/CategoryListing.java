package org.scriptorium.content.application;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A category page in one language: the category, its place in the tree, its subcategories and one page of
 * the articles filed under it or under any of its subcategories.
 *
 * @param lineage         the chain from the top-level category down to this one, each linked by its path
 * @param subcategories   the direct children named in this language
 * @param pathsByLanguage language code to this category's path, for every language where the whole chain
 *                        has names
 * @param pageLanguages   the languages of {@code pathsByLanguage} in which this page number exists too (all of
 *                        them for the first page; for a later one, those with enough articles), this one included
 */
public record CategoryListing(long categoryId, String language, String name, String description, String path,
                              List<NamedLink> lineage, List<NamedLink> subcategories, Paged<ArticleSummary> articles,
                              Map<String, String> pathsByLanguage, Set<String> pageLanguages) {
}
