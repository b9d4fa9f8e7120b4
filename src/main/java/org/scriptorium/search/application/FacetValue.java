package org.scriptorium.search.application;

/**
 * One value of a facet with the number of hits it has.
 *
 * @param value the value as it goes into the query string (a category id, a year)
 * @param label what readers see (the category's name in the page's language, the year)
 */
public record FacetValue(String value, String label, long count) {
}
