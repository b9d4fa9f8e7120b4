/**
 * E-mail: validated addresses and messages, templates rendered in the recipient's language, and a sender
 * that speaks SMTP when a host is configured and writes {@code .eml} files into the data directory's outbox
 * otherwise.
 */
package org.scriptorium.mail;
