package org.scriptorium.mail.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One e-mail to one recipient, in one language, with a plain-text and an HTML body (sent as
 * {@code multipart/alternative}). It can only be built from safe parts: the subject and every extra header
 * value are single lines without control characters, header names are plain tokens and may not replace the
 * headers the sender writes itself (From, To, Subject, Date, MIME and content headers), so nothing a reader
 * typed can add a header or a recipient. A {@code Message-ID} of the form {@code <local@domain>} may be given,
 * so that a message sent again after a crash carries the same identity (receivers drop such duplicates).
 *
 * @param to       the one recipient
 * @param subject  the subject line, at most 250 characters
 * @param text     the plain-text body
 * @param html     the HTML body
 * @param language the language of the message (written as {@code Content-Language})
 * @param headers  extra headers such as {@code List-Unsubscribe}, in order
 */
public record MailMessage(EmailAddress to, String subject, String text, String html, String language,
        Map<String, String> headers) {

    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,60}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
    private static final Pattern MESSAGE_ID = Pattern.compile("<[A-Za-z0-9._+-]{1,100}@[A-Za-z0-9.-]{1,100}>");
    /** The one reserved header a caller may set, to give a resent message the same identity. */
    public static final String MESSAGE_ID_HEADER = "Message-ID";
    private static final Set<String> RESERVED = Set.of("from", "to", "cc", "bcc", "subject", "date",
            "mime-version", "content-type", "content-transfer-encoding", "content-language", "reply-to", "sender",
            "return-path", "received");

    public MailMessage {
        Objects.requireNonNull(to, "to");
        subject = singleLine(subject, "subject", 250);
        if (subject.isBlank()) {
            throw new InvalidMailException("The subject is empty");
        }
        text = Objects.requireNonNull(text, "text");
        html = Objects.requireNonNull(html, "html");
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            throw new InvalidMailException("Not a language code");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : (headers == null ? Map.<String, String>of() : headers).entrySet()) {
            String name = h.getKey();
            if (name == null || !HEADER_NAME.matcher(name).matches() || RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new InvalidMailException("Header name not allowed: " + name);
            }
            String value = singleLine(h.getValue(), name, 2000);
            if (name.equalsIgnoreCase(MESSAGE_ID_HEADER) && !MESSAGE_ID.matcher(value).matches()) {
                throw new InvalidMailException("Not a message id");
            }
            copy.put(name, value);
        }
        headers = Collections.unmodifiableMap(copy);
    }

    /** The caller-chosen {@code Message-ID}, if any. */
    public java.util.Optional<String> messageId() {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(MESSAGE_ID_HEADER))
                .map(Map.Entry::getValue).findFirst();
    }

    /** The same message with one more header. */
    public MailMessage withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new MailMessage(to, subject, text, html, language, more);
    }

    /** The same message to another recipient (a test copy). */
    public MailMessage to(EmailAddress other) {
        return new MailMessage(other, subject, text, html, language, headers);
    }

    private static String singleLine(String value, String what, int max) {
        if (value == null) {
            throw new InvalidMailException("Missing " + what);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                throw new InvalidMailException("Line breaks and control characters are not allowed in " + what);
            }
        }
        if (value.length() > max) {
            throw new InvalidMailException("Too long: " + what);
        }
        return value;
    }
}
