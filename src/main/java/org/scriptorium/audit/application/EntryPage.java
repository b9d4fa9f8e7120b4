package org.scriptorium.audit.application;

import java.util.List;

import org.scriptorium.audit.domain.AuditEntry;

/** One page of the audit log: its entries, its number (from 1), the number of pages and of entries in all. */
public record EntryPage(List<AuditEntry> entries, int page, int pages, long total) {

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }
}
