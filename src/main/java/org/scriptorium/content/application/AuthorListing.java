package org.scriptorium.content.application;

import java.util.Set;

/**
 * An author page in one language: the author's name, their biography in that language and photo (either may
 * be null), and one page of their articles in that language.
 *
 * @param languages the languages in which the author has published articles, hence has a page
 */
public record AuthorListing(String name, String slug, String language, Paged<ArticleSummary> articles,
                            Set<String> languages, String bio, String photo) {
}
