package org.scriptorium.mail.application;

/**
 * A template rendered in one language.
 *
 * @param subject the subject line
 * @param text    the plain-text body
 * @param html    the HTML body
 */
public record RenderedMail(String subject, String text, String html) {
}
