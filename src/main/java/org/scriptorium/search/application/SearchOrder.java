package org.scriptorium.search.application;

/** How results are ordered: best match first, or newest first. */
public enum SearchOrder {
    RELEVANCE, DATE
}
