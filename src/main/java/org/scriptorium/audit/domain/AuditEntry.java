package org.scriptorium.audit.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One recorded back-office action: who (the actor's e-mail or {@code system}), what (a dotted action name),
 * on what (a target such as {@code user:7}), a short detail, and when.
 *
 * <p>Lifecycle: written once when the action succeeded, never changed or deleted by the application, so that
 * the log can be trusted as a history. Values longer than their column are cut, never refused: an action must
 * not fail because its audit line is long.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    static final int MAX_ACTOR = 320;
    static final int MAX_ACTION = 100;
    static final int MAX_TARGET = 300;
    static final int MAX_DETAIL = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = MAX_ACTOR)
    private String actor;

    @Column(nullable = false, length = MAX_ACTION)
    private String action;

    @Column(nullable = false, length = MAX_TARGET)
    private String target;

    @Column(nullable = false, length = MAX_DETAIL)
    private String detail;

    protected AuditEntry() {
    }

    public AuditEntry(Instant occurredAt, String actor, String action, String target, String detail) {
        this.occurredAt = occurredAt;
        this.actor = cut(actor, MAX_ACTOR);
        this.action = cut(action, MAX_ACTION);
        this.target = cut(target, MAX_TARGET);
        this.detail = cut(detail, MAX_DETAIL);
    }

    private static String cut(String value, int max) {
        String v = value == null ? "" : value;
        return v.length() > max ? v.substring(0, max) : v;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public String getDetail() {
        return detail;
    }
}
