package org.scriptorium.newsletter.infrastructure;

import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.scriptorium.jobs.infrastructure.JobRepositoryLocation;
import org.scriptorium.newsletter.application.ActiveSends;
import org.scriptorium.newsletter.domain.EditionStarted;

/**
 * Starts the {@code newsletter-send} batch job for an edition once the transaction that created its deliveries
 * has committed, and again for an edition left sending by a crash (a new execution: the old one may be stuck
 * as STARTED in the job repository, and the delivery records say what is left anyway).
 *
 * <p>The job is started from a managed thread with no transaction: the batch runtime enlists Payara's job
 * repository connection in the caller's transaction, and next to the application's data source (or inside a
 * transaction that is completing) the second non-XA resource is refused and the job never starts.
 *
 * <p>The launcher itself runs as {@code NOT_SUPPORTED}. The managed thread, and the batch runtime after it, copy
 * the caller's component invocation, and with it what that invocation says of the use of {@code UserTransaction}.
 * Called from inside a {@code @Transactional} service (the "send now" event comes while its transaction
 * completes) or from an EJB timer, that copy forbids it, and the job's first chunk transaction then failed with
 * "Operation not allowed": the first send of every edition only started at the timer's next round. Inside a
 * {@code NOT_SUPPORTED} method the invocation allows it, so the copy does too.
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED)
public class BatchEditionLauncher {

    static final String JOB = "newsletter-send";
    private static final Logger LOG = Logger.getLogger(BatchEditionLauncher.class.getName());

    @Inject
    private ActiveSends active;

    @Inject
    private JobRepositoryLocation repository;

    @Resource
    private ManagedExecutorService executor;

    void started(@Observes(during = TransactionPhase.AFTER_SUCCESS) EditionStarted event) {
        launch(event.editionId());
    }

    /** Starts a job for the edition, in the background, unless one runs in this process. */
    public void launch(long editionId) {
        if (!active.isRunning(editionId)) {
            executor.execute(() -> start(editionId));
        }
    }

    private void start(long editionId) {
        if (active.isRunning(editionId)) {
            return;
        }
        Properties params = new Properties();
        params.setProperty("editionId", String.valueOf(editionId));
        repository.ensureInDataDir();
        try {
            JobOperator operator = BatchRuntime.getJobOperator();
            long execution = operator.start(JOB, params);
            LOG.info(() -> "Sending edition " + editionId + " as batch execution " + execution);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not start the send of edition " + editionId + "; the timer tries again", e);
        }
    }
}
