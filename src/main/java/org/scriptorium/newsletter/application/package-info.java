/**
 * The newsletter's services: subscriptions (signup, confirmation, preferences, unsubscribe), the back office's
 * subscriber administration, editions (composition, preview, scheduling) and the sending of deliveries.
 */
package org.scriptorium.newsletter.application;
