/**
 * Hibernate Search 7 with the Lucene backend: the programmatic mapping of article translations, the
 * analysers per language, the search and related-articles queries, and index maintenance (mass indexing
 * with progress, and the checks that rebuild a missing or corrupt index at start).
 */
package org.scriptorium.search.infrastructure;
