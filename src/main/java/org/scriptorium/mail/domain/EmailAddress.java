package org.scriptorium.mail.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A plain e-mail address ({@code local@domain}), validated so that it can be written into a header as it is:
 * no display name, no quotes, no comments, no white space or control characters, at most 254 characters, a
 * domain with at least one dot. Stored lower-cased, so that one person has one address.
 *
 * @param value the normalised address
 */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    public EmailAddress {
        if (!isValid(value)) {
            throw new InvalidMailException("Not a valid e-mail address");
        }
        value = value.toLowerCase(Locale.ROOT);
    }

    /** The address typed by someone, trimmed; empty when it is not a valid address. */
    public static Optional<EmailAddress> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String trimmed = typed.strip();
        return isValid(trimmed) ? Optional.of(new EmailAddress(trimmed)) : Optional.empty();
    }

    /** An address known to be valid, such as one read back from the database. */
    public static EmailAddress of(String value) {
        return new EmailAddress(value);
    }

    public static boolean isValid(String value) {
        return value != null && value.length() <= 254 && value.indexOf('@') <= 64 && SHAPE.matcher(value).matches();
    }

    /** The part after the {@code @}. */
    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
