package org.scriptorium.search.application;

/**
 * Full-text search over article translations. A public search only ever finds translations that readers
 * can see at the moment of the search (published, publication time reached); an editorial search also finds
 * drafts, scheduled and unpublished ones. Any text is a valid query: syntax a reader did not mean is taken
 * literally, and a text with nothing searchable answers with no hits, never an error.
 */
public interface SearchService {

    SearchResults search(SearchRequest request);
}
