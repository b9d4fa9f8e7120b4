/**
 * Ports and settings of the spam defence: {@link org.scriptorium.spam.application.AkismetClient} is the port to
 * Akismet, and {@link org.scriptorium.spam.application.AkismetGateway} the site's one client, which comments and
 * story submissions both use, built from the configuration and the key saved in the back office.
 */
package org.scriptorium.spam.application;
