package org.scriptorium.audit.domain;

import java.util.List;

/** Access to the audit log. */
public interface AuditEntryRepository {

    AuditEntry save(AuditEntry entry);

    /** Entries matching the query, newest first. */
    List<AuditEntry> find(AuditQuery query, int offset, int limit);

    long count(AuditQuery query);

    /** The distinct action names recorded, alphabetically, for the page's filter. */
    List<String> actions();
}
