package org.scriptorium.spam.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Akismet's answer to one comment-check, typed.
 *
 * <p>{@link Kind#ERROR} means "Akismet said nothing usable" (unreachable, slow, an HTTP error, an invalid
 * key, an answer that is not {@code true}/{@code false}); its {@link #reason()} says which, in words an
 * operator can act on. An error is never a judgement on the comment: the pipeline keeps such a comment
 * pending and checks it again later. Alert code and message ({@code X-akismet-alert-code} /
 * {@code -msg}) and debug help ({@code X-akismet-debug-help}) are kept whenever Akismet sent them.
 */
public final class AkismetVerdict {

    /** What Akismet decided. */
    public enum Kind {
        /** Akismet answered {@code true}: the comment is spam. */
        SPAM,
        /** Akismet answered {@code false}: the comment is not spam. */
        HAM,
        /** Spam so blatant ({@code X-akismet-pro-tip: discard}) that it may be dropped without review. */
        DISCARD,
        /** No usable answer; see {@link AkismetVerdict#reason()}. */
        ERROR
    }

    private final Kind kind;
    private final String reason;
    private final String alertCode;
    private final String alertMessage;
    private final String debugHelp;

    private AkismetVerdict(Kind kind, String reason, String alertCode, String alertMessage, String debugHelp) {
        this.kind = Objects.requireNonNull(kind);
        this.reason = reason;
        this.alertCode = alertCode;
        this.alertMessage = alertMessage;
        this.debugHelp = debugHelp;
    }

    public static AkismetVerdict spam() {
        return new AkismetVerdict(Kind.SPAM, null, null, null, null);
    }

    public static AkismetVerdict ham() {
        return new AkismetVerdict(Kind.HAM, null, null, null, null);
    }

    public static AkismetVerdict discard() {
        return new AkismetVerdict(Kind.DISCARD, null, null, null, null);
    }

    /** No usable answer, for the given human-readable reason. */
    public static AkismetVerdict error(String reason) {
        return new AkismetVerdict(Kind.ERROR, Objects.requireNonNull(reason), null, null, null);
    }

    /** The same verdict with Akismet's alert code and message (either may be null). */
    public AkismetVerdict withAlert(String code, String message) {
        return new AkismetVerdict(kind, reason, blankToNull(code), blankToNull(message), debugHelp);
    }

    /** The same verdict with Akismet's debug help (may be null). */
    public AkismetVerdict withDebugHelp(String help) {
        return new AkismetVerdict(kind, reason, alertCode, alertMessage, blankToNull(help));
    }

    public Kind kind() {
        return kind;
    }

    /** Whether Akismet judged the comment spam, discardable or not. */
    public boolean isSpam() {
        return kind == Kind.SPAM || kind == Kind.DISCARD;
    }

    public boolean isError() {
        return kind == Kind.ERROR;
    }

    /** Why there is no usable answer; present for {@link Kind#ERROR} only. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public Optional<String> alertCode() {
        return Optional.ofNullable(alertCode);
    }

    public Optional<String> alertMessage() {
        return Optional.ofNullable(alertMessage);
    }

    public Optional<String> debugHelp() {
        return Optional.ofNullable(debugHelp);
    }

    /** One line for logs and the moderation history: kind, reason, alert and debug help when present. */
    public String describe() {
        StringBuilder s = new StringBuilder(kind.name());
        reason().ifPresent(r -> s.append(": ").append(r));
        debugHelp().ifPresent(h -> s.append(" (Akismet: ").append(h).append(')'));
        alertCode().ifPresent(c -> s.append(" [alert ").append(c).append(alertMessage().map(m -> " " + m).orElse(""))
                .append(']'));
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AkismetVerdict v && kind == v.kind && Objects.equals(reason, v.reason)
                && Objects.equals(alertCode, v.alertCode) && Objects.equals(alertMessage, v.alertMessage)
                && Objects.equals(debugHelp, v.debugHelp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, reason, alertCode, alertMessage, debugHelp);
    }

    @Override
    public String toString() {
        return describe();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
