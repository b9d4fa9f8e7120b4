package org.scriptorium.push.infrastructure;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.scriptorium.push.application.PushDispatcher;

/**
 * Every five seconds, lets the dispatcher fan out new push messages and send what is due. The timer is not
 * persistent: pending deliveries live in the database, so after a restart the first tick carries on. A tick
 * that finds the previous one still running skips; several nodes share the work through the deliveries' leases.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PushDeliveryTimer {

    private static final Logger LOG = Logger.getLogger(PushDeliveryTimer.class.getName());

    private final AtomicBoolean running = new AtomicBoolean();

    @Inject
    private PushDispatcher dispatcher;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false, info = "push delivery")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void deliver() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            PushDispatcher.Run run = dispatcher.runOnce();
            if (run.attempts() > 0) {
                LOG.info(() -> "Push: " + run.delivered() + " delivered, " + run.retried() + " to retry, " + run.failed()
                        + " failed, " + run.removed() + " subscriptions gone");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Push delivery failed; the next tick tries again", e);
        } finally {
            running.set(false);
        }
    }
}
