package org.scriptorium.newsletter.domain;

/**
 * A back-office filter of subscribers.
 *
 * @param status   only this status, or null for all
 * @param language only this language, or null for all
 * @param text     a part of the address, or null
 */
public record SubscriberQuery(SubscriberStatus status, String language, String text) {
}
