package org.scriptorium.push.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.push.domain.PushDelivery;
import org.scriptorium.push.domain.PushDeliveryRepository;
import org.scriptorium.push.domain.PushMessage;
import org.scriptorium.push.domain.PushMessageRepository;
import org.scriptorium.push.domain.PushMessageRepository.Outcome;
import org.scriptorium.push.domain.PushSubscription;
import org.scriptorium.push.domain.PushSubscriptionRepository;

/**
 * The database side of delivery, one transaction per call: fanning a message out into pending deliveries,
 * finding and taking due ones, and recording what the push service answered. A delivery answered 201 is
 * counted as sent; 404/410 removes the subscription (and anything else pending for it); an answer worth
 * retrying plans the next attempt after a pause that doubles each time, until the attempts run out and it
 * counts as failed; any other refusal counts as failed at once.
 */
@ApplicationScoped
@Transactional
public class PushDeliveries implements DeliveryStore {

    private static final Logger LOG = Logger.getLogger(PushDeliveries.class.getName());

    private PushMessageRepository messages;
    private PushDeliveryRepository deliveries;
    private PushSubscriptionRepository subscriptions;
    private PushKeys keys;
    private PushSettings settings;

    protected PushDeliveries() {
    }

    @Inject
    public PushDeliveries(PushMessageRepository messages, PushDeliveryRepository deliveries,
                          PushSubscriptionRepository subscriptions, PushKeys keys, PushSettings settings) {
        this.messages = messages;
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.keys = keys;
        this.settings = settings;
    }

    @Override
    public List<Long> messagesToFanOut(int limit) {
        return messages.findNotFannedOut(limit).stream().map(PushMessage::getId).toList();
    }

    @Override
    public boolean fanOut(long messageId, int slice, Instant now) {
        PushMessage message = messages.findById(messageId).orElse(null);
        if (message == null || message.isFannedOut()) {
            return true;
        }
        List<PushSubscription> audience = subscriptions.findAudience(message.getLanguage(), message.getCreatedAt(),
                message.getFanOutCursor(), slice);
        long last = message.getFanOutCursor();
        for (PushSubscription s : audience) {
            deliveries.save(new PushDelivery(messageId, s.getId(), now));
            last = s.getId();
        }
        boolean done = audience.size() < slice;
        message.fannedOutTo(last, audience.size(), done);
        return done;
    }

    @Override
    public List<Due> due(Instant now, int limit) {
        return deliveries.findDue(now, limit).stream().map(d -> new Due(d.getId(), d.getNextAttemptAt())).toList();
    }

    @Override
    public Optional<Task> claim(Due due, Instant leaseUntil) {
        if (!deliveries.claim(due.id(), due.at(), leaseUntil)) {
            return Optional.empty();
        }
        Optional<PushDelivery> delivery = deliveries.findById(due.id());
        if (delivery.isEmpty()) {
            return Optional.empty();
        }
        PushDelivery d = delivery.get();
        Optional<PushSubscription> subscription = subscriptions.findById(d.getSubscriptionId());
        Optional<PushMessage> message = messages.findById(d.getMessageId());
        if (subscription.isEmpty() || message.isEmpty()) {
            deliveries.delete(d);
            return Optional.empty();
        }
        PushSubscription s = subscription.get();
        return Optional.of(new Task(d.getId(), d.getMessageId(), s.getId(), d.getAttempts(),
                new PushTarget(s.getEndpoint(), s.getP256dh(), s.getAuth()), message.get().payload(), keys.current()));
    }

    @Override
    public void record(Task task, DeliveryResult result, Instant now) {
        Optional<PushDelivery> found = deliveries.findById(task.deliveryId());
        if (found.isEmpty()) {
            return;
        }
        PushDelivery delivery = found.get();
        switch (result.status()) {
            case DELIVERED -> {
                deliveries.delete(delivery);
                subscriptions.findById(task.subscriptionId()).ifPresent(s -> s.delivered(now));
                messages.count(task.messageId(), Outcome.SENT);
            }
            case GONE -> {
                deliveries.delete(delivery);
                subscriptions.findById(task.subscriptionId()).ifPresent(subscriptions::delete);
                messages.count(task.messageId(), Outcome.REMOVED);
                LOG.fine(() -> "Push subscription " + task.subscriptionId() + " is gone (" + result.httpStatus() + ")");
            }
            case REJECTED -> {
                deliveries.delete(delivery);
                messages.count(task.messageId(), Outcome.FAILED);
                LOG.warning(() -> "Push service refused message " + task.messageId() + " for subscription "
                        + task.subscriptionId() + ": " + result.httpStatus() + " " + result.detail());
            }
            case RETRY -> {
                int failures = delivery.getAttempts() + 1;
                if (failures >= settings.maxAttempts()) {
                    deliveries.delete(delivery);
                    messages.count(task.messageId(), Outcome.FAILED);
                    LOG.warning(() -> "Giving up push message " + task.messageId() + " for subscription "
                            + task.subscriptionId() + " after " + failures + " attempts: " + result.detail());
                } else {
                    Duration pause = settings.pauseAfter(failures);
                    if (result.retryAfter().isPresent() && result.retryAfter().get().compareTo(pause) > 0) {
                        pause = result.retryAfter().get().compareTo(PushSettings.MAX_PAUSE) > 0
                                ? PushSettings.MAX_PAUSE : result.retryAfter().get();
                    }
                    delivery.failedAttempt((result.httpStatus() == 0 ? "" : result.httpStatus() + " ") + result.detail(),
                            now.plus(pause));
                }
            }
        }
    }
}
