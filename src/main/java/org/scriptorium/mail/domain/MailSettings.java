package org.scriptorium.mail.domain;

import java.util.Optional;

/**
 * The effective mail settings: where messages go and who sends them. Without a host, messages are written
 * into the file outbox.
 *
 * @param host     the SMTP host; empty means "file outbox"
 * @param port     the SMTP port
 * @param user     the SMTP user; empty means no authentication
 * @param password the SMTP password
 * @param security how the connection is protected
 * @param from     the sender address
 */
public record MailSettings(String host, int port, String user, String password, SmtpSecurity security,
        EmailAddress from) {

    public MailSettings {
        host = host == null ? "" : host.trim();
        user = user == null ? "" : user.trim();
        password = password == null ? "" : password;
        if (port < 1 || port > 65535) {
            throw new InvalidMailException("Not a port number: " + port);
        }
    }

    /** Whether messages go to the file outbox because no SMTP host is set. */
    public boolean usesOutbox() {
        return host.isEmpty();
    }

    public Optional<String> credentials() {
        return user.isEmpty() ? Optional.empty() : Optional.of(user);
    }

    @Override
    public String toString() {
        return "MailSettings[" + (usesOutbox() ? "outbox" : host + ":" + port + " " + security) + ", user="
                + (user.isEmpty() ? "-" : user) + ", from=" + from + "]";
    }
}
