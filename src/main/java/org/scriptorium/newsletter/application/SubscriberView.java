package org.scriptorium.newsletter.application;

import org.scriptorium.newsletter.domain.SubscriberStatus;

/**
 * A subscriber as their preference page shows them.
 *
 * @param email    their address
 * @param language their language
 * @param status   their status
 */
public record SubscriberView(String email, String language, SubscriberStatus status) {
}
