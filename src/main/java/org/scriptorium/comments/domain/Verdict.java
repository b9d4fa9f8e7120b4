package org.scriptorium.comments.domain;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * What one spam check said about a comment, and why: the honeypot, the time trap, the link count, the
 * blocklists or Akismet. Kept with the comment so that a moderator sees every reason behind its status.
 */
@Embeddable
public class Verdict {

    /** What a check concluded. */
    public enum Outcome {
        /** Nothing wrong found. */
        PASS,
        /** Hold for a moderator, even where the policy would approve. */
        HOLD,
        /** Spam. */
        SPAM,
        /** Blatant spam, dropped without review. */
        DISCARD,
        /** The check could not be made; it is tried again later. */
        ERROR
    }

    @Column(name = "happened_at", nullable = false)
    private Instant at;

    @Column(name = "check_name", nullable = false, length = 40)
    private String check;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, length = 20)
    private Outcome outcome;

    @Column(name = "reason", length = 1000)
    private String reason;

    protected Verdict() {
    }

    public Verdict(Instant at, String check, Outcome outcome, String reason) {
        this.at = Objects.requireNonNull(at);
        this.check = Objects.requireNonNull(check);
        this.outcome = Objects.requireNonNull(outcome);
        this.reason = Comment.clip(reason, 1000);
    }

    public Instant getAt() {
        return at;
    }

    public String getCheck() {
        return check;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getReason() {
        return reason == null ? "" : reason;
    }
}
