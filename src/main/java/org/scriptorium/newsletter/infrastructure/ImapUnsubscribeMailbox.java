package org.scriptorium.newsletter.infrastructure;

import java.util.Properties;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.SubjectTerm;

import org.scriptorium.mail.domain.SmtpSecurity;
import org.scriptorium.newsletter.application.UnsubscribeMailbox;
import org.scriptorium.newsletter.application.UnsubscribeMailboxSettings;

/**
 * {@link UnsubscribeMailbox} over IMAP (Jakarta Mail): one connection per poll, connect timeout
 * {@link UnsubscribeMailboxSettings#CONNECT_TIMEOUT}, read and write timeouts from the settings, STARTTLS required
 * when asked for and the server's certificate and name checked under TLS. The server searches for subjects
 * containing "unsubscribe" that are not deleted yet; reading a subject does not mark a message as seen. Handled
 * messages are flagged deleted and expunged when the folder closes.
 */
@ApplicationScoped
public class ImapUnsubscribeMailbox implements UnsubscribeMailbox {

    private UnsubscribeMailboxSettings settings;

    protected ImapUnsubscribeMailbox() {
    }

    @Inject
    public ImapUnsubscribeMailbox(UnsubscribeMailboxSettings settings) {
        this.settings = settings;
    }

    @Override
    public int drain(int max, Function<Request, Disposition> handler) {
        String protocol = settings.security() == SmtpSecurity.SSL ? "imaps" : "imap";
        Session session = Session.getInstance(properties(protocol));
        Store store = null;
        try {
            store = session.getStore(protocol);
            store.connect(settings.host(), settings.port(), settings.user(), settings.password());
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            int seen = 0;
            try {
                Message[] found = folder.search(new AndTerm(new SubjectTerm("unsubscribe"),
                        new FlagTerm(new Flags(Flags.Flag.DELETED), false)));
                for (Message m : found) {
                    if (seen >= max) {
                        break;
                    }
                    seen++;
                    if (handler.apply(new Request(m.getSubject(), sender(m))) == Disposition.DONE) {
                        m.setFlag(Flags.Flag.DELETED, true);
                    }
                }
            } finally {
                folder.close(true);
            }
            return seen;
        } catch (MessagingException e) {
            throw new MailboxUnavailableException("The unsubscribe mailbox " + settings.user() + "@" + settings.host() + ":"
                    + settings.port() + " could not be read: " + e.getMessage(), e);
        } finally {
            if (store != null) {
                try {
                    store.close();
                } catch (MessagingException ignored) {
                    // the connection is gone anyway
                }
            }
        }
    }

    private Properties properties(String protocol) {
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        p.put(prefix + "connectiontimeout", String.valueOf(UnsubscribeMailboxSettings.CONNECT_TIMEOUT.toMillis()));
        p.put(prefix + "timeout", String.valueOf(settings.timeout().toMillis()));
        p.put(prefix + "writetimeout", String.valueOf(settings.timeout().toMillis()));
        if (settings.security() == SmtpSecurity.STARTTLS) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
            p.put(prefix + "ssl.checkserveridentity", "true");
        } else if (settings.security() == SmtpSecurity.SSL) {
            p.put(prefix + "ssl.checkserveridentity", "true");
        }
        return p;
    }

    private static String sender(Message m) throws MessagingException {
        Address[] from = m.getFrom();
        if (from == null || from.length == 0) {
            return "";
        }
        return from[0] instanceof InternetAddress a ? a.getAddress() : from[0].toString();
    }
}
