package org.scriptorium.newsletter.application;

/**
 * The answer to a signup. {@link #ACCEPTED} is the same whether the address was new, pending or already
 * subscribed, so the answer never reveals who subscribes.
 */
public enum SignupResult {
    ACCEPTED, INVALID_EMAIL, INVALID_LANGUAGE, NO_CONSENT, RATE_LIMITED
}
