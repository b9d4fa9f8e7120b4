package org.scriptorium.content.domain;

import java.time.Instant;

/**
 * Something public other than an article changed: a category, tag, author profile or the set of site
 * languages. {@code what} names it for logs ("category 12", "languages").
 */
public record ContentChanged(String what, Instant at) implements ContentEvent {
}
