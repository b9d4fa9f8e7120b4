/**
 * What the rest of the site asks of search, with no search technology in sight: {@link
 * org.scriptorium.search.application.SearchService} (public and editorial full-text search) and {@link
 * org.scriptorium.search.application.IndexMaintenance} (rebuilding the index, its progress). The Hibernate
 * Search implementation lives in {@code search.infrastructure}.
 */
package org.scriptorium.search.application;
