package org.scriptorium.newsletter.application;

import java.time.Duration;
import java.util.Optional;

import org.scriptorium.mail.domain.EmailAddress;
import org.scriptorium.mail.domain.SmtpSecurity;

/**
 * The mailbox that receives the {@code mailto:} unsubscribe requests of {@code List-Unsubscribe}; each value has a
 * MicroProfile Config key (and so an environment variable). Polling is off while no host is set.
 *
 * @param address      {@code scriptorium.unsubscribe.address}: the address in the {@code mailto:}; empty means the
 *                     sender address ({@code scriptorium.mail.from})
 * @param host         {@code scriptorium.unsubscribe.imap.host}: the IMAP server; empty turns polling off
 * @param port         {@code scriptorium.unsubscribe.imap.port}: empty means 993 for {@code ssl}, 143 otherwise
 * @param user         {@code scriptorium.unsubscribe.imap.user}
 * @param password     {@code scriptorium.unsubscribe.imap.password}
 * @param security     {@code scriptorium.unsubscribe.imap.tls}: {@code ssl} (default), {@code starttls} (required)
 *                     or {@code none}
 * @param folder       {@code scriptorium.unsubscribe.imap.folder}: the folder polled, {@code INBOX} by default
 * @param pollInterval {@code scriptorium.unsubscribe.imap.poll.seconds}: the pause between two polls (60 s)
 * @param timeout      connect and read timeout of the IMAP connection (10 s connect, this for reads: 30 s)
 * @param maxPerPoll   at most this many messages are handled per poll (the rest wait for the next one)
 */
public record UnsubscribeMailboxSettings(Optional<EmailAddress> address, String host, int port, String user, String password,
                                         SmtpSecurity security, String folder, Duration pollInterval, Duration timeout,
                                         int maxPerPoll) {

    public static final String ADDRESS = "scriptorium.unsubscribe.address";
    public static final String HOST = "scriptorium.unsubscribe.imap.host";
    public static final String PORT = "scriptorium.unsubscribe.imap.port";
    public static final String USER = "scriptorium.unsubscribe.imap.user";
    public static final String PASSWORD = "scriptorium.unsubscribe.imap.password";
    public static final String TLS = "scriptorium.unsubscribe.imap.tls";
    public static final String FOLDER = "scriptorium.unsubscribe.imap.folder";
    public static final String POLL_SECONDS = "scriptorium.unsubscribe.imap.poll.seconds";

    /** The connect timeout of the IMAP connection. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public UnsubscribeMailboxSettings {
        host = host == null ? "" : host.trim();
        if (!host.isEmpty() && !host.matches("[A-Za-z0-9.:\\[\\]-]{1,253}")) {
            throw new IllegalArgumentException("Not a host name: " + HOST);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Not a port number: " + PORT);
        }
        if (pollInterval.compareTo(Duration.ofSeconds(1)) < 0 || timeout.isNegative() || timeout.isZero() || maxPerPoll < 1) {
            throw new IllegalArgumentException("The unsubscribe mailbox's interval, timeout and batch must be positive");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        folder = folder == null || folder.isBlank() ? "INBOX" : folder.trim();
    }

    /** Polling off, the mailto to the sender address. */
    public static UnsubscribeMailboxSettings off() {
        return of("", "", "", "", "", "", "", "");
    }

    /**
     * Builds settings from configured text; empty values take their defaults.
     *
     * @throws IllegalArgumentException naming the key of a value that is not valid
     */
    public static UnsubscribeMailboxSettings of(String address, String host, String port, String user, String password,
                                                String tls, String folder, String pollSeconds) {
        Optional<EmailAddress> to = Optional.empty();
        if (address != null && !address.isBlank()) {
            to = EmailAddress.parse(address);
            if (to.isEmpty()) {
                throw new IllegalArgumentException("Not a valid e-mail address: " + ADDRESS);
            }
        }
        String t = tls == null || tls.isBlank() ? "ssl" : tls.trim();
        SmtpSecurity security = "imaps".equalsIgnoreCase(t) ? SmtpSecurity.SSL : SmtpSecurity.parse(t);
        int p = number(port, security == SmtpSecurity.SSL ? 993 : 143, PORT);
        int poll = number(pollSeconds, 60, POLL_SECONDS);
        return new UnsubscribeMailboxSettings(to, host, p, user, password, security, folder, Duration.ofSeconds(poll),
                Duration.ofSeconds(30), 500);
    }

    /** Whether a mailbox is configured (a host is set). */
    public boolean enabled() {
        return !host.isEmpty();
    }

    /** The address for {@code mailto:} links: the configured one, or the given sender address. */
    public EmailAddress addressOr(EmailAddress sender) {
        return address.orElse(sender);
    }

    @Override
    public String toString() {
        return "UnsubscribeMailboxSettings[host=" + host + ", port=" + port + ", user=" + user + ", security=" + security
                + ", folder=" + folder + ", pollInterval=" + pollInterval + "]";
    }

    private static int number(String value, int fallback, String key) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a number: " + key);
        }
    }
}
