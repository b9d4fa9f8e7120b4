package org.scriptorium.content.application;

import java.util.List;

/**
 * The front page of a language.
 *
 * @param lead     the newest article, or null when nothing is published in the language
 * @param latest   the next newest articles
 * @param sections one per top-level category named in the language and holding articles
 */
public record HomeView(String language, ArticleSummary lead, List<ArticleSummary> latest, List<Section> sections) {

    /** A top-level category (linked by its path) with its newest articles. */
    public record Section(NamedLink category, List<ArticleSummary> articles) {
    }
}
