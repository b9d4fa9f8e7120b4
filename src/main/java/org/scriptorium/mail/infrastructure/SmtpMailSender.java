package org.scriptorium.mail.infrastructure;

import java.lang.reflect.Method;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.scriptorium.mail.domain.MailDeliveryException;
import org.scriptorium.mail.domain.MailDeliveryException.Kind;
import org.scriptorium.mail.domain.MailMessage;
import org.scriptorium.mail.domain.MailSettings;
import org.scriptorium.mail.domain.SmtpSecurity;

/**
 * Sends over SMTP with Jakarta Mail. Connections are kept open and reused (a newsletter sends thousands of
 * messages), one pool per distinct settings, so changed settings take effect with the next message. Replies
 * 5xx are {@link Kind#PERMANENT}; 4xx replies, network errors, time-outs and authentication failures (a
 * configuration problem, not the recipient's) are {@link Kind#TRANSIENT}.
 */
final class SmtpMailSender {

    private static final Logger LOG = Logger.getLogger(SmtpMailSender.class.getName());
    private static final int MAX_IDLE = 4;

    private final ConcurrentHashMap<MailSettings, Pool> pools = new ConcurrentHashMap<>();

    private record Pool(Session session, ConcurrentLinkedDeque<Transport> idle) {
    }

    void send(MailMessage message, MailSettings settings) throws MailDeliveryException {
        if (pools.size() > 4 && !pools.containsKey(settings)) {
            closeAll();
        }
        Pool pool = pools.computeIfAbsent(settings, s -> new Pool(session(s), new ConcurrentLinkedDeque<>()));
        MimeMessage mime;
        try {
            mime = MimeMessages.build(pool.session(), message, settings.from());
        } catch (MessagingException e) {
            throw new MailDeliveryException(Kind.PERMANENT, "The message could not be built: " + e.getMessage(), e);
        }
        Transport transport = pool.idle().pollFirst();
        try {
            if (transport == null || !transport.isConnected()) {
                transport = connect(pool.session(), settings);
            }
            transport.sendMessage(mime, mime.getAllRecipients());
        } catch (MessagingException e) {
            close(transport);
            transport = null;
            throw classify(e);
        } finally {
            if (transport != null) {
                if (pool.idle().size() < MAX_IDLE) {
                    pool.idle().offerFirst(transport);
                } else {
                    close(transport);
                }
            }
        }
    }

    private static Transport connect(Session session, MailSettings settings) throws MessagingException {
        Transport transport = session.getTransport(settings.security() == SmtpSecurity.SSL ? "smtps" : "smtp");
        if (settings.credentials().isPresent()) {
            transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
        } else {
            transport.connect(settings.host(), settings.port(), null, null);
        }
        return transport;
    }

    static MailDeliveryException classify(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return new MailDeliveryException(Kind.TRANSIENT, "The SMTP server refused the credentials", e);
        }
        int code = replyCode(e);
        if (code >= 500 && code < 600) {
            return new MailDeliveryException(Kind.PERMANENT, "The SMTP server refused the message (" + code + ")", e);
        }
        if (code == 0 && e instanceof SendFailedException sfe && sfe.getInvalidAddresses() != null
                && sfe.getInvalidAddresses().length > 0) {
            return new MailDeliveryException(Kind.PERMANENT, "The SMTP server refused the address", e);
        }
        return new MailDeliveryException(Kind.TRANSIENT,
                "The SMTP server could not take the message now" + (code > 0 ? " (" + code + ")" : "") + ": " + e.getMessage(), e);
    }

    /** The SMTP reply code carried by the exception or one it wraps (0 if none): Angus' exceptions carry it. */
    private static int replyCode(Throwable e) {
        for (Throwable t = e; t != null; t = next(t)) {
            try {
                Method m = t.getClass().getMethod("getReturnCode");
                Object code = m.invoke(t);
                if (code instanceof Integer i && i > 0) {
                    return i;
                }
            } catch (ReflectiveOperationException | RuntimeException ignored) {
                // Not an SMTP exception: look at the next one.
            }
        }
        return 0;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException me && me.getNextException() != null && me.getNextException() != t) {
            return me.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static Session session(MailSettings s) {
        Properties p = new Properties();
        String protocol = s.security() == SmtpSecurity.SSL ? "smtps" : "smtp";
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", s.host());
        p.put("mail." + protocol + ".port", String.valueOf(s.port()));
        p.put("mail." + protocol + ".auth", String.valueOf(s.credentials().isPresent()));
        p.put("mail." + protocol + ".connectiontimeout", "10000");
        p.put("mail." + protocol + ".timeout", "30000");
        p.put("mail." + protocol + ".writetimeout", "30000");
        p.put("mail." + protocol + ".from", s.from().value());
        if (s.security() == SmtpSecurity.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (s.security() == SmtpSecurity.SSL) {
            p.put("mail.smtps.ssl.checkserveridentity", "true");
        }
        return Session.getInstance(p);
    }

    void closeAll() {
        pools.values().forEach(pool -> {
            Transport t;
            while ((t = pool.idle().pollFirst()) != null) {
                close(t);
            }
        });
        pools.clear();
    }

    private static void close(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.log(Level.FINE, "Closing an SMTP connection failed", e);
            }
        }
    }
}
