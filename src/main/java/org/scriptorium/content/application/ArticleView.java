package org.scriptorium.content.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A published translation as its page shows it, with everything a theme needs and nothing it could change.
 *
 * @param categoryPath    the category chain in this language, top-level first
 * @param publishedSlugs  language code to slug, for every published translation of the article (this one
 *                        included), for language switching and hreflang alternates
 */
public record ArticleView(long articleId, long translationId, String language, String title, String slug,
                          String excerpt, String bodyHtml, String seoTitle, String seoDescription,
                          String authorName, String authorSlug, Instant publishedAt, Instant updatedAt,
                          List<NamedLink> categoryPath, List<NamedLink> tags, Map<String, String> publishedSlugs) {

    /** A name and the slug it links to. */
    public record NamedLink(String name, String slug) {
    }
}
