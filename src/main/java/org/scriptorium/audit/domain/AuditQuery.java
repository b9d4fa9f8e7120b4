package org.scriptorium.audit.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Filters for browsing the audit log; every part is optional.
 *
 * @param actor        the actor's e-mail, exactly (case-insensitive)
 * @param actionPrefix the start of the action name ({@code user.} for every user action)
 * @param text         text contained in the target or the detail
 * @param from         first instant included
 * @param until        first instant excluded
 */
public record AuditQuery(Optional<String> actor, Optional<String> actionPrefix, Optional<String> text,
                         Optional<Instant> from, Optional<Instant> until) {

    public static AuditQuery everything() {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
