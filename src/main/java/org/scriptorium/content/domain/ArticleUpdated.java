package org.scriptorium.content.domain;

import java.time.Instant;

/**
 * A published article changed: the text or slug of a translation ({@code language} set), or a fact shared
 * by all its translations such as categories, tags or image ({@code language} empty).
 */
public record ArticleUpdated(long articleId, String language, Instant at) implements ContentEvent {
}
