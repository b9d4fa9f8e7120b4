/**
 * The values of e-mail: an {@link org.scriptorium.mail.domain.EmailAddress} and a
 * {@link org.scriptorium.mail.domain.MailMessage} that can only be built from safe parts (no line breaks in
 * headers, so no header injection), and the typed failure callers retry on.
 */
package org.scriptorium.mail.domain;
