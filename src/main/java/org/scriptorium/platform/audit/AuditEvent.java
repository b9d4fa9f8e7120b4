package org.scriptorium.platform.audit;

import java.util.Objects;

/**
 * A back-office action worth recording in the audit log: fired as a CDI event by the service that performed
 * the action, after it succeeded. The audit feature observes it and stores who did what to which object; the
 * firing feature never depends on how or where it is stored.
 *
 * @param actor  the e-mail of the signed-in user who acted, or {@code "system"} for timers and jobs
 * @param action a stable, dotted action name such as {@code article.publish} or {@code comment.approve}
 * @param target what was acted on, such as {@code article:42/it} or {@code user:7}
 * @param detail a short human-readable detail, may be empty
 */
public record AuditEvent(String actor, String action, String target, String detail) {

    public AuditEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        detail = detail == null ? "" : detail;
    }
}
