package org.scriptorium.search.infrastructure;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.scriptorium.content.domain.ArticleTranslation;
import org.scriptorium.platform.audit.AuditEvent;
import org.scriptorium.search.application.IndexMaintenance;
import org.scriptorium.search.application.RebuildProgress;

/**
 * Rebuilds the index with Hibernate Search's mass indexer in the background, counting documents as they are
 * written so that the back office can show a progress bar. One rebuild at a time per node. While a rebuild
 * runs, searches go on against the documents already written.
 */
@ApplicationScoped
public class LuceneIndexMaintenance implements IndexMaintenance {

    private static final Logger LOG = Logger.getLogger(LuceneIndexMaintenance.class.getName());

    @PersistenceUnit(unitName = "scriptorium")
    private EntityManagerFactory emf;

    private Clock clock;
    private Event<AuditEvent> audit;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private volatile Instant finishedAt;
    private volatile String failure;

    protected LuceneIndexMaintenance() {
    }

    @Inject
    public LuceneIndexMaintenance(Clock clock, Event<AuditEvent> audit) {
        this.clock = clock;
        this.audit = audit;
    }

    /** Outside the container: over a given entity manager factory. */
    public LuceneIndexMaintenance(EntityManagerFactory emf, Clock clock, Event<AuditEvent> audit) {
        this(clock, audit);
        this.emf = emf;
    }

    @Override
    public boolean startRebuild(String actor) {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        done.set(0);
        total.set(0);
        failure = null;
        SearchMapping mapping = Search.mapping(emf);
        try {
            mapping.scope(ArticleTranslation.class).massIndexer()
                    .threadsToLoadObjects(1)
                    .batchSizeToLoadObjects(50)
                    .monitor(new Monitor())
                    .start()
                    .whenComplete((ignored, error) -> finish(error));
        } catch (RuntimeException e) {
            finish(e);
            throw e;
        }
        audit.fire(new AuditEvent(actor, "search.rebuild", "index:" + SearchFields.INDEX, ""));
        return true;
    }

    private void finish(Throwable error) {
        if (error != null) {
            LOG.log(Level.SEVERE, "Rebuilding the search index failed", error);
            failure = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        } else {
            LOG.info(() -> "Search index rebuilt: " + done.get() + " documents");
        }
        finishedAt = clock.instant();
        running.set(false);
    }

    @Override
    public RebuildProgress progress() {
        return new RebuildProgress(running.get(), done.get(), total.get(), finishedAt, failure);
    }

    /**
     * Starts a rebuild when the index does not hold one document per translation in the database: after the
     * index was found missing or damaged at start (and removed by {@link IndexDirectoryGuard}), or after the
     * database was restored without it. Returns whether a rebuild was started.
     */
    public boolean rebuildIfOutOfStep() {
        EntityManager em = emf.createEntityManager();
        try {
            long inDatabase = em.createQuery("select count(t) from ArticleTranslation t", Long.class).getSingleResult();
            long inIndex = Search.session(em).search(ArticleTranslation.class).where(f -> f.matchAll()).fetchTotalHitCount();
            if (inDatabase == inIndex) {
                return false;
            }
            LOG.warning(() -> "The search index holds " + inIndex + " documents for " + inDatabase
                    + " translations; rebuilding it");
        } finally {
            em.close();
        }
        return startRebuild("system");
    }

    private final class Monitor implements MassIndexingMonitor {

        @Override
        public void documentsAdded(long increment) {
            done.addAndGet(increment);
        }

        @Override
        public void documentsBuilt(long increment) {
            // Counted when added to the index.
        }

        @Override
        public void entitiesLoaded(long increment) {
            // Counted when added to the index.
        }

        @Override
        public void addToTotalCount(long increment) {
            total.addAndGet(increment);
        }

        @Override
        public void indexingCompleted() {
            // finish() runs when the future completes.
        }
    }
}
