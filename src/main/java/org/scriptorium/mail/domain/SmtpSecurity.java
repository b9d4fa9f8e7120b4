package org.scriptorium.mail.domain;

import java.util.Locale;

/** How the connection to the SMTP server is protected. */
public enum SmtpSecurity {
    /** Plain SMTP (a local relay). */
    NONE,
    /** STARTTLS, required: the message is never sent in clear. */
    STARTTLS,
    /** TLS from the first byte (SMTPS, usually port 465). */
    SSL;

    /** Reads {@code none}/{@code false}, {@code starttls}/{@code true} or {@code ssl}/{@code tls}; anything else is {@code STARTTLS}. */
    public static SmtpSecurity parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "none", "false", "off", "no", "plain" -> NONE;
            case "ssl", "tls", "smtps", "implicit" -> SSL;
            default -> STARTTLS;
        };
    }
}
