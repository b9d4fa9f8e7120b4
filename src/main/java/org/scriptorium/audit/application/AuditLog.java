package org.scriptorium.audit.application;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.audit.domain.AuditEntry;
import org.scriptorium.audit.domain.AuditEntryRepository;
import org.scriptorium.audit.domain.AuditQuery;
import org.scriptorium.platform.audit.AuditEvent;

/**
 * The audit log. Stores every {@link AuditEvent} any feature fires, in the firing transaction when there is
 * one (so an action and its record are committed together or not at all) and in a transaction of its own
 * otherwise (a login, a page without a transaction). Administrators browse it at {@code /backoffice/audit}.
 */
@ApplicationScoped
@Transactional
public class AuditLog {

    private AuditEntryRepository entries;
    private Clock clock;

    protected AuditLog() {
    }

    @Inject
    public AuditLog(AuditEntryRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** Records an event; called by CDI for every fired {@link AuditEvent}. */
    public void record(@Observes AuditEvent event) {
        entries.save(new AuditEntry(clock.instant(), event.actor(), event.action(), event.target(), event.detail()));
    }

    /** One page of entries matching a query, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EntryPage browse(AuditQuery query, int page, int size) {
        long total = entries.count(query);
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int current = Math.min(Math.max(1, page), pages);
        return new EntryPage(entries.find(query, (current - 1) * size, size), current, pages, total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> actions() {
        return entries.actions();
    }
}
