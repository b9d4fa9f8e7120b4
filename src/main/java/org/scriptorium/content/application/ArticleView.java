package org.scriptorium.content.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A published translation as its page shows it, with everything a theme needs and nothing it could change.
 *
 * @param categoryPath    the category chain in this language, top-level first; each link's slug is the
 *                        category's full path
 * @param tags            the article's tags named in this language, linked by tag slug
 * @param image           the site-relative path of the featured image ({@code /media/...}), or null
 * @param imageAlt        its text alternative in this language, or null
 * @param readingMinutes  the estimated reading time, at least 1
 * @param publishedSlugs  language code to slug, for every published translation of the article (this one
 *                        included), for language switching and hreflang alternates
 */
public record ArticleView(long articleId, long translationId, String language, String title, String slug,
                          String excerpt, String bodyHtml, String seoTitle, String seoDescription,
                          String authorName, String authorSlug, Instant publishedAt, Instant updatedAt,
                          List<NamedLink> categoryPath, List<NamedLink> tags, String image, String imageAlt,
                          int readingMinutes, Map<String, String> publishedSlugs) {
}
