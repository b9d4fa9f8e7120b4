/**
 * Browser push notifications: the readers' subscriptions (endpoint, keys, language, consent time), the site's
 * VAPID key pair, the messages announced to a language and the deliveries still to be made. Entities and
 * repository interfaces only; sending lives in the application layer behind a port.
 */
package org.scriptorium.push.domain;
