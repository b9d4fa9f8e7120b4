package org.scriptorium.search.application;

/**
 * One search as a reader or an editor asks it.
 *
 * @param text          what was typed; anything at all (it is cut to {@link #MAX_LENGTH} characters)
 * @param language      the page's language: results are in it unless {@code allLanguages}
 * @param allLanguages  search every language, each in its own analysis
 * @param categoryId    only articles filed under this category, or null
 * @param year          only articles published in this year, or null
 * @param order         relevance or date
 * @param page          1-based page number
 * @param size          hits per page (1 to 50)
 * @param editorial     the back office's search: drafts, scheduled and unpublished translations too
 */
public record SearchRequest(String text, String language, boolean allLanguages, Long categoryId, Integer year,
                            SearchOrder order, int page, int size, boolean editorial) {

    /** The longest query text considered; the rest is ignored. */
    public static final int MAX_LENGTH = 200;

    public SearchRequest {
        text = text == null ? "" : text;
        order = order == null ? SearchOrder.RELEVANCE : order;
        page = Math.max(1, page);
        size = Math.max(1, Math.min(50, size));
    }

    /** A public search of a language, by relevance, first page. */
    public static SearchRequest of(String text, String language) {
        return new SearchRequest(text, language, false, null, null, SearchOrder.RELEVANCE, 1, 10, false);
    }
}
