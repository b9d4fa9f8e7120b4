package org.scriptorium.search.application;

/**
 * Rebuilding the search index from the database. Automatic indexing keeps the index in step with every
 * commit; a rebuild is for an index that was lost, damaged or made by an older mapping. A rebuild runs in
 * the background: {@link #startRebuild()} returns at once and {@link #progress()} tells how far it got.
 */
public interface IndexMaintenance {

    /**
     * Starts a rebuild unless one is running; returns whether this call started one. A started rebuild is
     * recorded in the audit log under {@code actor} (an e-mail, or {@code system}).
     */
    boolean startRebuild(String actor);

    RebuildProgress progress();
}
