package org.scriptorium.jobs.infrastructure;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.scriptorium.content.application.EditorialService;

/**
 * Every 30 seconds, publishes the scheduled translations whose time has come. The timer is not persistent:
 * what is scheduled lives in the database, so after a restart the first tick publishes everything that
 * fell due meanwhile. On several nodes each runs the timer; the translations' optimistic locking lets only
 * one of them publish a given translation.
 */
@Singleton
public class PublishingTimer {

    private static final Logger LOG = Logger.getLogger(PublishingTimer.class.getName());

    @Inject
    private EditorialService editorial;

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false, info = "scheduled publishing")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void publishDue() {
        try {
            int published = editorial.publishDue();
            if (published > 0) {
                LOG.info(() -> "Published " + published + " scheduled translation(s)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled publishing failed; the next tick tries again", e);
        }
    }
}
