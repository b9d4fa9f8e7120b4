package org.scriptorium.search.application;

import java.time.Instant;

/**
 * One translation found.
 *
 * @param snippetHtml a passage of the text with the matches in {@code <mark>}; already HTML-escaped, so it
 *                    may be written to the page as is
 * @param titleHtml   the title with its matches marked, escaped in the same way
 * @param status      the publication status (the back office shows it)
 */
public record SearchHit(long articleId, long translationId, String language, String title, String titleHtml,
                        String slug, String excerpt, String snippetHtml, Instant date, String status) {
}
