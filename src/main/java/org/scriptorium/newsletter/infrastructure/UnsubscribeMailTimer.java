package org.scriptorium.newsletter.infrastructure;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.scriptorium.newsletter.application.MailUnsubscribes;
import org.scriptorium.newsletter.application.UnsubscribeMailbox;
import org.scriptorium.newsletter.application.UnsubscribeMailboxSettings;

/**
 * Polls the unsubscribe mailbox every {@code scriptorium.unsubscribe.imap.poll.seconds} (a non-persistent EJB
 * interval timer, created at start only when {@code scriptorium.unsubscribe.imap.host} is set). A poll that fails
 * logs one line and changes nothing; the next one tries again. The requests wait in the mailbox meanwhile, so a
 * restart or an outage loses none.
 */
@Singleton
@Startup
public class UnsubscribeMailTimer {

    private static final Logger LOG = Logger.getLogger(UnsubscribeMailTimer.class.getName());

    @Resource
    private TimerService timers;

    @Inject
    private UnsubscribeMailboxSettings settings;

    @Inject
    private MailUnsubscribes unsubscribes;

    @PostConstruct
    void schedule() {
        if (!settings.enabled()) {
            LOG.fine("No unsubscribe mailbox configured (scriptorium.unsubscribe.imap.host): mailto unsubscribes are not read");
            return;
        }
        long every = settings.pollInterval().toMillis();
        timers.createIntervalTimer(Math.min(every, 10_000L), every, new TimerConfig("unsubscribe mailbox", false));
        LOG.info(() -> "Polling the unsubscribe mailbox " + settings + " every " + settings.pollInterval().toSeconds() + " s");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void poll() {
        try {
            unsubscribes.poll();
        } catch (UnsubscribeMailbox.MailboxUnavailableException e) {
            LOG.log(Level.WARNING, "{0}; the next poll tries again", e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The unsubscribe mailbox poll failed; the next poll tries again", e);
        }
    }
}
