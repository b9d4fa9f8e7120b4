package org.scriptorium.newsletter.infrastructure;

import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.scriptorium.newsletter.application.ActiveSends;
import org.scriptorium.newsletter.domain.EditionStarted;

/**
 * Starts the {@code newsletter-send} batch job for an edition once the transaction that created its deliveries
 * has committed, and again for an edition left sending by a crash (a new execution: the old one may be stuck
 * as STARTED in the job repository, and the delivery records say what is left anyway).
 */
@ApplicationScoped
public class BatchEditionLauncher {

    static final String JOB = "newsletter-send";
    private static final Logger LOG = Logger.getLogger(BatchEditionLauncher.class.getName());

    @Inject
    private ActiveSends active;

    void started(@Observes(during = TransactionPhase.AFTER_SUCCESS) EditionStarted event) {
        launch(event.editionId());
    }

    /** Starts a job for the edition unless one runs in this process; returns the execution id or -1. */
    public long launch(long editionId) {
        if (active.isRunning(editionId)) {
            return -1;
        }
        JobOperator operator = BatchRuntime.getJobOperator();
        Properties params = new Properties();
        params.setProperty("editionId", String.valueOf(editionId));
        try {
            long execution = operator.start(JOB, params);
            LOG.info(() -> "Sending edition " + editionId + " as batch execution " + execution);
            return execution;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not start the send of edition " + editionId + "; the timer tries again", e);
            return -1;
        }
    }
}
