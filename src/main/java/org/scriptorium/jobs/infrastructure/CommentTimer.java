package org.scriptorium.jobs.infrastructure;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.scriptorium.comments.application.AkismetCheckRunner;
import org.scriptorium.comments.application.CommentService;
import org.scriptorium.comments.application.ModeratorNotifier;

/**
 * The comments' clockwork. Every 30 seconds, starts the Akismet checks that are due (re-checks after an
 * error, with backoff, and first checks that were lost because the process stopped between storing a
 * comment and asking Akismet) and e-mails the moderators about new pending comments (at once or as the
 * daily digest). Every hour, purges old spam and old discard-log entries. At start, verifies
 * the Akismet key in the background. Nothing is scheduled in memory only: the due times are in the
 * database, so a restart loses nothing.
 */
@Singleton
@Startup
public class CommentTimer {

    private static final Logger LOG = Logger.getLogger(CommentTimer.class.getName());

    @Inject
    private AkismetCheckRunner runner;

    @Inject
    private CommentService comments;

    @Inject
    private ModeratorNotifier notifier;

    @PostConstruct
    void verifyKeyAtStart() {
        try {
            runner.verifyInBackground();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not start the Akismet key verification", e);
        }
    }

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false, info = "comment re-checks")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void checkDue() {
        try {
            int started = runner.checkDue();
            if (started > 0) {
                LOG.info(() -> "Started " + started + " Akismet check(s) that were due");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Comment re-checks failed; the next tick tries again", e);
        }
        try {
            notifier.sendDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Moderator e-mails failed; the next tick tries again", e);
        }
    }

    @Schedule(second = "0", minute = "17", hour = "*", persistent = false, info = "comment purge")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void purge() {
        try {
            int[] purged = comments.purge();
            if (purged[0] + purged[1] > 0) {
                LOG.info(() -> "Purged " + purged[0] + " old spam comment(s) and " + purged[1] + " discard-log entries");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Comment purge failed; the next hour tries again", e);
        }
    }
}
