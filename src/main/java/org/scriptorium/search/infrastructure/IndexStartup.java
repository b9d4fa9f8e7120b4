package org.scriptorium.search.infrastructure;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/**
 * At start, refills an index that is missing or was removed as damaged (see {@link IndexDirectoryGuard}):
 * the rebuild runs in the background while the site already answers. It runs after the other start-up
 * observers (the demo content loader among them), so that it compares the index with a settled database.
 */
@ApplicationScoped
public class IndexStartup {

    private static final Logger LOG = Logger.getLogger(IndexStartup.class.getName());

    @Inject
    private LuceneIndexMaintenance maintenance;

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) @Initialized(ApplicationScoped.class) Object ignored) {
        try {
            maintenance.rebuildIfOutOfStep();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not check the search index at start", e);
        }
    }
}
