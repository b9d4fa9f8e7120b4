/** The Akismet REST client over {@code java.net.http}: form-encoded POSTs, response headers, timeouts. */
package org.scriptorium.spam.infrastructure.akismet;
