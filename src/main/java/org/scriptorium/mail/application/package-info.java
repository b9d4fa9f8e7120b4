/**
 * Sending e-mail: the {@link org.scriptorium.mail.application.Mailer} renders a template in the recipient's
 * language and hands the message to the {@link org.scriptorium.mail.application.MailSender} port;
 * {@link org.scriptorium.mail.application.MailConfiguration} knows the effective settings (configuration,
 * overridden in the back office).
 */
package org.scriptorium.mail.application;
