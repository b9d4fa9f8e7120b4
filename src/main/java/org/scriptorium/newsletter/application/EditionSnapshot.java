package org.scriptorium.newsletter.application;

import java.util.List;

import org.scriptorium.newsletter.domain.MissingLanguagePolicy;

/**
 * What a sending job needs to know of its edition, read once when the job starts.
 *
 * @param editionId the edition
 * @param title     its title
 * @param articles  the frozen article list
 * @param policy    what to do with articles missing in a language
 */
public record EditionSnapshot(long editionId, String title, List<Long> articles, MissingLanguagePolicy policy) {
}
