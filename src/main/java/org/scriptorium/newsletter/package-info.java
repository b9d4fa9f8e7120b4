/**
 * The newsletter: double opt-in subscriptions in the reader's language, editions composed from articles and
 * sent per language with Jakarta Batch, a delivery record per recipient, unsubscribe and erasure.
 */
package org.scriptorium.newsletter;
