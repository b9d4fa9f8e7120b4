package org.scriptorium.newsletter.application;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.mail.application.Mailer;
import org.scriptorium.mail.domain.EmailAddress;
import org.scriptorium.mail.domain.MailDeliveryException;
import org.scriptorium.mail.domain.MailMessage;
import org.scriptorium.newsletter.domain.Delivery;

/**
 * Sends one delivery of an edition: claims it, renders the edition in the recipient's language (each language
 * rendered once per job), sends it with the one-click unsubscribe headers and a Message-ID derived from the
 * delivery, and records the outcome. A transient failure is retried at once a few times with a growing pause
 * (the server may be restarting), then the delivery is deferred with exponential backoff and the job goes on;
 * after {@link #MAX_ATTEMPTS} attempts it is given up. A permanent failure marks the subscriber as bounced.
 *
 * <p>Not transactional itself: every state change goes through {@link DeliveryLedger}, one commit each.
 */
@ApplicationScoped
public class EditionSending {

    /** What became of one delivery. */
    public enum Outcome {
        SENT, DEFERRED, FAILED, TAKEN
    }

    static final int MAX_ATTEMPTS = 8;
    static final int IMMEDIATE_RETRIES = 3;
    private static final Logger LOG = Logger.getLogger(EditionSending.class.getName());

    private DeliveryLedger ledger;
    private EditionComposer composer;
    private NewsletterLinks links;
    private Mailer mailer;
    private Clock clock;
    private Duration pause = Duration.ofSeconds(1);

    protected EditionSending() {
    }

    @Inject
    public EditionSending(DeliveryLedger ledger, EditionComposer composer, NewsletterLinks links, Mailer mailer, Clock clock) {
        this.ledger = ledger;
        this.composer = composer;
        this.links = links;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Shortens the pause between immediate retries (tests). */
    public void pauseBetweenRetries(Duration d) {
        this.pause = d;
    }

    /** A per-job cache of the edition rendered per language. */
    public static final class Renderings {
        private final EditionSnapshot edition;
        private final Map<String, EditionContent> byLanguage = new ConcurrentHashMap<>();

        public Renderings(EditionSnapshot edition) {
            this.edition = edition;
        }

        public EditionSnapshot edition() {
            return edition;
        }
    }

    /** Claims one delivery (one commit), sends it and records the outcome (another commit). */
    public Outcome deliver(Delivery d, Renderings renderings) {
        if (!ledger.claim(d)) {
            return Outcome.TAKEN;
        }
        return sendClaimed(d, renderings);
    }

    /**
     * Sends a chunk of deliveries: claims them all in one commit, then sends each one and records its outcome in
     * its own commit, calling {@code pace} before each message (the throttle). One commit per chunk instead of one
     * per message for the claims; after a crash the claimed deliveries not sent yet are simply sent by the next
     * execution (they never reached the server), and only the one in flight may be sent twice, with the same
     * Message-ID, exactly as with one claim per message.
     *
     * @return how many were sent
     */
    public int deliverAll(List<Delivery> chunk, Renderings renderings, Runnable pace) {
        int sent = 0;
        for (Delivery d : ledger.claimAll(chunk)) {
            pace.run();
            if (sendClaimed(d, renderings) == Outcome.SENT) {
                sent++;
            }
        }
        return sent;
    }

    private Outcome sendClaimed(Delivery d, Renderings renderings) {
        MailMessage message;
        try {
            message = compose(d, renderings);
        } catch (RuntimeException e) {
            ledger.failed(d, "The message could not be built: " + e.getMessage(), false);
            return Outcome.FAILED;
        }
        MailDeliveryException last = null;
        for (int i = 0; i < IMMEDIATE_RETRIES; i++) {
            try {
                mailer.send(message);
                ledger.sent(d.getId());
                return Outcome.SENT;
            } catch (MailDeliveryException e) {
                last = e;
                if (e.isPermanent()) {
                    ledger.failed(d, e.getMessage(), true);
                    return Outcome.FAILED;
                }
                sleep(pause.multipliedBy(1L << i));
            }
        }
        int attempts = d.getAttempts() + 1;
        if (attempts >= MAX_ATTEMPTS) {
            ledger.failed(d, last.getMessage(), false);
            return Outcome.FAILED;
        }
        Duration backoff = Duration.ofMinutes(1).multipliedBy(1L << Math.min(6, attempts - 1));
        LOG.log(Level.INFO, "Delivery {0} deferred by {1} after: {2}", new Object[] {d.getId(), backoff, last.getMessage()});
        ledger.defer(d.getId(), clock.instant().plus(backoff), last.getMessage());
        return Outcome.DEFERRED;
    }

    private MailMessage compose(Delivery d, Renderings r) {
        EditionContent content = r.byLanguage.computeIfAbsent(d.getLanguage(),
                lang -> composer.render(r.edition.articles(), lang, r.edition.policy()));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", r.edition.title());
        model.put("articlesHtml", content.html());
        model.put("articlesText", content.text());
        model.put("preferences", links.preferences(d.getLanguage(), d.getSubscriberId()));
        model.put("count", content.articles());
        Map<String, String> headers = new LinkedHashMap<>(links.unsubscribeHeaders(d.getSubscriberId()));
        headers.put(MailMessage.MESSAGE_ID_HEADER, "<nl-" + d.getId() + "." + d.getEditionId() + "@" + host() + ">");
        return mailer.compose("edition", d.getLanguage(), EmailAddress.of(d.getEmail()), model, headers);
    }

    private String host() {
        String h = URI.create(links.baseUrl()).getHost();
        return h == null || !h.matches("[A-Za-z0-9.-]+") ? "scriptorium.local" : h;
    }

    /** Whether the edition has nothing left to do (and is now marked sent). */
    public boolean finishIfDone(long editionId) {
        return ledger.finishIfDone(editionId);
    }

    public java.util.List<Delivery> due(long editionId, long afterId, int limit) {
        return ledger.due(editionId, afterId, limit);
    }

    public java.util.Optional<Instant> nextDeferred(long editionId) {
        return ledger.nextDeferred(editionId);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
