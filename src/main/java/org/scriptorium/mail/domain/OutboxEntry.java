package org.scriptorium.mail.domain;

import java.time.Instant;

/**
 * A message written to the file outbox instead of being sent, as the back office lists it.
 *
 * @param name    the file name ({@code .eml}), unique in the outbox
 * @param written when it was written
 * @param to      the recipient
 * @param subject the decoded subject
 * @param bytes   the file's size
 */
public record OutboxEntry(String name, Instant written, String to, String subject, long bytes) {
}
