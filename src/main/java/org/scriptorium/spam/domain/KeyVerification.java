package org.scriptorium.spam.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of verifying an Akismet API key: {@link Status#VALID}, {@link Status#INVALID} (Akismet
 * rejected it) or {@link Status#UNKNOWN} (Akismet could not be asked; the reason says why). Only
 * {@code INVALID} says anything about the key; {@code UNKNOWN} must not switch Akismet off.
 *
 * @param status    what is known about the key
 * @param reason    why the status is not {@code VALID}, for the back office; null when valid
 * @param debugHelp Akismet's {@code X-akismet-debug-help}, when sent
 */
public record KeyVerification(Status status, String reason, String debugHelp) {

    /** What is known about the key. */
    public enum Status {
        VALID, INVALID, UNKNOWN
    }

    public KeyVerification {
        Objects.requireNonNull(status);
    }

    public static KeyVerification valid() {
        return new KeyVerification(Status.VALID, null, null);
    }

    public static KeyVerification invalid(String reason, String debugHelp) {
        return new KeyVerification(Status.INVALID, reason, AkismetVerdict.blankToNull(debugHelp));
    }

    public static KeyVerification unknown(String reason) {
        return new KeyVerification(Status.UNKNOWN, Objects.requireNonNull(reason), null);
    }

    public boolean isValid() {
        return status == Status.VALID;
    }

    public Optional<String> reasonText() {
        return Optional.ofNullable(reason);
    }

    public Optional<String> debugHelpText() {
        return Optional.ofNullable(debugHelp);
    }
}
