/**
 * Push infrastructure: JPA repositories, the Web Push gateway over the {@code nl.martijndwars:web-push} library
 * and {@code java.net.http}, the configuration read from MicroProfile Config and the delivery timer.
 */
package org.scriptorium.push.infrastructure;
