package org.scriptorium.content.application;

import java.util.Set;

/**
 * An author page in one language: the author's name, their biography in that language and photo (either may
 * be null), and one page of their articles in that language.
 *
 * @param languages     the languages in which the author has published articles, hence has a page
 * @param pageLanguages the languages in which this page number exists too (all of {@code languages} for the
 *                      first page; for a later one, those with enough articles), this one included
 */
public record AuthorListing(String name, String slug, String language, Paged<ArticleSummary> articles,
                            Set<String> languages, Set<String> pageLanguages, String bio, String photo) {
}
