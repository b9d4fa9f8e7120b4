package org.scriptorium.newsletter.domain;

/** What an edition does with an article that has no published translation in a subscriber's language. */
public enum MissingLanguagePolicy {
    /** Leave the article out for that language. */
    OMIT,
    /** Show it in its source language, marked as such. */
    SOURCE
}
