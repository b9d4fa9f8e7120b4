/**
 * Push infrastructure: JPA repositories, the Web Push gateway (the JDK's cryptography and
 * {@code java.net.http}), the configuration read from MicroProfile Config and the delivery timer.
 */
package org.scriptorium.push.infrastructure;
