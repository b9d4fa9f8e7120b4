package org.scriptorium.content.application;

/**
 * A name and where it links to, in one language: a tag's slug, or a category's path (its slugs from the
 * top-level category down, joined by {@code /}).
 */
public record NamedLink(String name, String slug) {
}
