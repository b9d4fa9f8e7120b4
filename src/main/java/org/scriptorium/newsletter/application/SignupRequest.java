package org.scriptorium.newsletter.application;

/**
 * What a reader sent from a signup form.
 *
 * @param email    the address as typed
 * @param language the language chosen for the newsletter
 * @param consent  whether the consent box was ticked
 * @param clientIp the reader's address
 * @param page     the site-relative URL of the page the form was on
 */
public record SignupRequest(String email, String language, boolean consent, String clientIp, String page) {
}
