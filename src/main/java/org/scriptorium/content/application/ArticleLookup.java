package org.scriptorium.content.application;

/** The answer to "which article has this slug in this language?". */
public sealed interface ArticleLookup {

    /** A published translation has this slug. */
    record Found(ArticleView article) implements ArticleLookup {
    }

    /** The slug is an old one; the translation now lives at {@code currentSlug}. */
    record Moved(String currentSlug) implements ArticleLookup {
    }

    /** Nothing published answers to this slug. */
    record Missing() implements ArticleLookup {
    }
}
