package org.scriptorium.newsletter.application;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.newsletter.application.UnsubscribeMailbox.Disposition;
import org.scriptorium.newsletter.application.UnsubscribeMailbox.Request;

/**
 * Unsubscribes the readers who answered an edition's {@code List-Unsubscribe} {@code mailto:}: the subject of such
 * a message is {@code unsubscribe <token>}, the same signed management token as the one-click link.
 *
 * <p>Failure policy. A message with a valid token unsubscribes its subscriber (idempotent, in its own transaction)
 * and is then removed from the mailbox, so it is handled once; if the removal fails, the next poll handles it again,
 * which changes nothing. A message whose token is forged or damaged does nothing, is logged with only a hash of its
 * sender, and is removed too. A message without anything shaped like a token is not ours and is left alone. A
 * database fault on one message leaves that message for the next poll and goes on with the others. An unreachable,
 * slow or refusing mailbox ({@link UnsubscribeMailbox.MailboxUnavailableException}) changes nothing: the requests
 * wait in the mailbox for the next poll. Several nodes may poll the same mailbox: at worst one request is handled
 * twice, with the same result.
 */
@ApplicationScoped
public class MailUnsubscribes {

    /** {@code unsubscribe} followed by something shaped like a management token ({@code m.<id>.<signature>}). */
    static final Pattern REQUEST = Pattern.compile("(?i)\\bunsubscribe\\s+(m\\.[0-9]{1,19}\\.[A-Za-z0-9_-]{10,100})");
    private static final Logger LOG = Logger.getLogger(MailUnsubscribes.class.getName());

    private UnsubscribeMailbox mailbox;
    private UnsubscribeMailboxSettings settings;
    private SubscriptionService subscriptions;
    private NewsletterTokens tokens;

    /** What one poll did. */
    public record PollResult(int unsubscribed, int rejected, int left) {
    }

    protected MailUnsubscribes() {
    }

    @Inject
    public MailUnsubscribes(UnsubscribeMailbox mailbox, UnsubscribeMailboxSettings settings, SubscriptionService subscriptions,
                            NewsletterTokens tokens) {
        this.mailbox = mailbox;
        this.settings = settings;
        this.subscriptions = subscriptions;
        this.tokens = tokens;
    }

    /** Whether a mailbox is configured. */
    public boolean enabled() {
        return settings.enabled();
    }

    /**
     * Reads the mailbox once and handles the requests waiting there.
     *
     * @throws UnsubscribeMailbox.MailboxUnavailableException when the mailbox cannot be read (nothing changed)
     */
    public PollResult poll() {
        if (!settings.enabled()) {
            return new PollResult(0, 0, 0);
        }
        int[] counts = new int[3];
        mailbox.drain(settings.maxPerPoll(), request -> {
            Outcome o = handle(request);
            counts[o.ordinal()]++;
            return o == Outcome.LEFT ? Disposition.KEEP : Disposition.DONE;
        });
        PollResult result = new PollResult(counts[0], counts[1], counts[2]);
        if (result.unsubscribed() + result.rejected() > 0) {
            LOG.log(Level.INFO, "Unsubscribe mailbox: {0} unsubscribed, {1} rejected", new Object[] {result.unsubscribed(), result.rejected()});
        }
        return result;
    }

    private enum Outcome {
        UNSUBSCRIBED, REJECTED, LEFT
    }

    private Outcome handle(Request request) {
        Matcher m = REQUEST.matcher(request.subject() == null ? "" : request.subject());
        if (!m.find()) {
            return Outcome.LEFT;
        }
        String token = m.group(1);
        Optional<Long> subscriber = tokens.readManagement(token);
        if (subscriber.isEmpty()) {
            LOG.log(Level.WARNING, "Unsubscribe e-mail with a bad or forged token ignored (sender {0})", senderHash(request.sender()));
            return Outcome.REJECTED;
        }
        try {
            if (subscriptions.unsubscribe(token).isEmpty()) {
                LOG.log(Level.INFO, "Unsubscribe e-mail for subscriber {0}, who no longer exists", subscriber.get());
            }
            return Outcome.UNSUBSCRIBED;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Unsubscribe e-mail for subscriber " + subscriber.get() + " left for the next poll", e);
            return Outcome.LEFT;
        }
    }

    private static String senderHash(String sender) {
        return sender == null || sender.isBlank() ? "unknown" : "sha256:" + NewsletterTokens.hash(sender).substring(0, 16);
    }
}
