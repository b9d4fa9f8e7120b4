package org.scriptorium.search.application;

import java.util.List;

/**
 * One page of results with the facets of the whole result set.
 *
 * @param approximate true when nothing matched exactly and these are hits for near spellings of the longer
 *                    words (typo tolerance)
 */
public record SearchResults(SearchRequest request, List<SearchHit> hits, long total, int page, int pages,
                            List<FacetValue> categories, List<FacetValue> years, boolean approximate) {

    /** No query, or a query with nothing to search for. */
    public static SearchResults none(SearchRequest request) {
        return new SearchResults(request, List.of(), 0, 1, 0, List.of(), List.of(), false);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }
}
