package org.scriptorium.content.application;

import java.util.List;

/**
 * Where the article page's related articles come from, beyond the shared category and tags that
 * {@link ReadingService#related(long, String, int)} falls back to. The search feature provides the real one
 * (text similarity in the same language); content does not depend on it.
 */
public interface RelatedArticles {

    /** Finds nothing: related articles then come from categories and tags alone. */
    RelatedArticles NONE = (articleId, language, limit) -> List.of();

    /**
     * Ids of articles whose translation in {@code language} reads like this article's, best first, never the
     * article itself; only articles published in that language.
     */
    List<Long> like(long articleId, String language, int limit);
}
