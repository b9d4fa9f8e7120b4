/**
 * The mail adapters: Jakarta Mail over SMTP ({@link org.scriptorium.mail.infrastructure.SmtpMailSender}), the
 * file outbox ({@link org.scriptorium.mail.infrastructure.FileOutbox}) and the sender that picks one of them
 * per message from the effective settings.
 */
package org.scriptorium.mail.infrastructure;
