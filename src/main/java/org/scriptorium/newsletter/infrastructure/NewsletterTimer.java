package org.scriptorium.newsletter.infrastructure;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.scriptorium.newsletter.application.EditionService;

/**
 * Every 15 seconds: starts scheduled editions whose time has come, and starts a job again for every edition
 * still sending without a job in this process, which is how a send interrupted by a crash or a kill resumes
 * after the restart. The schedule lives only in the database, so nothing is lost while the site is down.
 */
@Singleton
public class NewsletterTimer {

    private static final Logger LOG = Logger.getLogger(NewsletterTimer.class.getName());

    @Inject
    private EditionService editions;

    @Inject
    private BatchEditionLauncher launcher;

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false, info = "newsletter sending")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void tick() {
        try {
            editions.startDue();
            for (long id : editions.unfinished()) {
                launcher.launch(id);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The newsletter timer failed; the next tick tries again", e);
        }
    }
}
