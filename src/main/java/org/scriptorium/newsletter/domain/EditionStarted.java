package org.scriptorium.newsletter.domain;

/**
 * An edition's deliveries were created and it is now sending; observed after the transaction commits to start
 * the batch job that sends them.
 *
 * @param editionId the edition
 */
public record EditionStarted(long editionId) {
}
