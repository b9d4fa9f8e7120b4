package org.scriptorium.mail.infrastructure;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

import org.scriptorium.mail.domain.EmailAddress;
import org.scriptorium.mail.domain.MailMessage;

/**
 * Turns a {@link MailMessage} into a MIME message: {@code multipart/alternative}, text first, then HTML.
 *
 * <p>Jakarta Mail looks up its stream provider each time a body part is made or written, and without the
 * system property {@value #STREAM_PROVIDER} it does so with a {@link java.util.ServiceLoader} scan of every
 * jar the application sees: a third of the server's time when sending a newsletter. The property is set
 * here to the provider Payara ships (Angus Mail), the one the scan finds anyway, unless it is set already
 * or that class cannot be loaded.
 */
final class MimeMessages {

    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    private static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER) == null && loadable(ANGUS_STREAM_PROVIDER)) {
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
    }

    private static boolean loadable(String className) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        try {
            Class.forName(className, false, context != null ? context : MimeMessages.class.getClassLoader());
            Class.forName(className, false, MimeMessages.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private MimeMessages() {
    }

    static MimeMessage build(Session session, MailMessage message, EmailAddress from) throws MessagingException {
        String presetId = message.messageId().orElse(null);
        MimeMessage mime = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                if (presetId == null) {
                    super.updateMessageID();
                } else {
                    setHeader("Message-ID", presetId);
                }
            }
        };
        mime.setFrom(new InternetAddress(from.value(), true));
        mime.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(message.to().value(), true));
        mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
        mime.setSentDate(new Date());
        mime.setHeader("Content-Language", message.language());
        for (Map.Entry<String, String> h : message.headers().entrySet()) {
            if (h.getKey().equalsIgnoreCase(MailMessage.MESSAGE_ID_HEADER)) {
                continue;
            }
            mime.addHeader(h.getKey(), encode(h.getValue()));
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(message.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        mime.setContent(alternative);
        mime.saveChanges();
        return mime;
    }

    private static String encode(String value) {
        boolean ascii = value.chars().allMatch(c -> c < 0x80);
        if (ascii) {
            return MimeUtility.fold(0, value);
        }
        try {
            return MimeUtility.fold(0, MimeUtility.encodeText(value, StandardCharsets.UTF_8.name(), "Q"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
