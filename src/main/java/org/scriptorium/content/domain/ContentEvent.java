package org.scriptorium.content.domain;

import java.time.Instant;

/**
 * Something readers can see has changed: an article was published, edited or withdrawn, or a category,
 * tag or author changed. Application services fire these through CDI ({@code Event<ContentEvent>}) inside
 * their transaction; other features react to them after the commit (the page cache empties itself, the
 * search index will re-index, subscribers will be told) instead of being called by the content feature.
 */
public interface ContentEvent {

    /** When the change happened. */
    Instant at();
}
