package org.scriptorium.media.domain;

/**
 * One place that shows an image.
 *
 * @param kind  {@code featured} (an article's featured image), {@code body} (an image in an article's text)
 *              or {@code author} (an author's photo)
 * @param label what a person recognises the place by, such as an article title
 * @param link  the site-relative back-office URL of the place, or empty
 */
public record MediaUsage(String kind, String label, String link) {
}
