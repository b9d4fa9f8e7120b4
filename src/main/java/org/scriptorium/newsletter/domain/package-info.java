/**
 * Subscribers, editions, deliveries, the suppression list of erased addresses and the signup rate counters,
 * with their repositories.
 */
package org.scriptorium.newsletter.domain;
