package org.scriptorium.comments.domain;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One line of a comment's history: who (an e-mail, {@code reader} or {@code system}) did what, when, with a
 * short detail ("status PENDING -> APPROVED", "Akismet: HAM").
 */
@Embeddable
public class HistoryEntry {

    @Column(name = "happened_at", nullable = false)
    private Instant at;

    @Column(name = "actor", nullable = false, length = 320)
    private String actor;

    @Column(name = "action_name", nullable = false, length = 40)
    private String action;

    @Column(name = "detail", length = 1000)
    private String detail;

    protected HistoryEntry() {
    }

    public HistoryEntry(Instant at, String actor, String action, String detail) {
        this.at = Objects.requireNonNull(at);
        this.actor = Objects.requireNonNull(actor);
        this.action = Objects.requireNonNull(action);
        this.detail = Comment.clip(detail, 1000);
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getDetail() {
        return detail == null ? "" : detail;
    }
}
