package org.scriptorium.cache.domain;

/**
 * What makes two requests get the same page: the path with its query string, the page's language and the
 * theme that renders it. Nothing else of a request may change an anonymous public page; whatever does
 * (a cookie, a header) keeps that page out of the cache.
 *
 * @param uri      the request path as sent, including the context path
 * @param query    the raw query string, empty when there is none
 * @param language the language of the page ({@code /{lang}/...}), empty for language-neutral files
 * @param theme    the id of the active theme
 */
public record PageKey(String uri, String query, String language, String theme) {

    public PageKey {
        query = query == null ? "" : query;
        language = language == null ? "" : language;
    }
}
