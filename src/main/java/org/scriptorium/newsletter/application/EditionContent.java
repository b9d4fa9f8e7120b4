package org.scriptorium.newsletter.application;

/**
 * The body of an edition in one language, before the per-recipient parts are added.
 *
 * @param language the language
 * @param html     the article list as HTML (escaped)
 * @param text     the article list as plain text
 * @param articles how many articles it presents
 */
public record EditionContent(String language, String html, String text, int articles) {
}
