package org.scriptorium.newsletter.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.scriptorium.newsletter.domain.Delivery;
import org.scriptorium.newsletter.domain.DeliveryRepository;
import org.scriptorium.newsletter.domain.DeliveryStatus;
import org.scriptorium.newsletter.domain.EditionRepository;
import org.scriptorium.newsletter.domain.SubscriberRepository;

/**
 * The state changes of deliveries, each committed in its own transaction before the caller goes on: a claim
 * is durable before the message leaves, a success is durable right after the server accepted it. This is
 * what lets a send killed at any point resume without skipping anyone and without sending anything twice
 * except, at worst, the one message in flight at the moment of the kill (re-sent with the same Message-ID).
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class DeliveryLedger {

    private DeliveryRepository deliveries;
    private SubscriberRepository subscribers;
    private EditionRepository editions;
    private Clock clock;

    protected DeliveryLedger() {
    }

    @Inject
    public DeliveryLedger(DeliveryRepository deliveries, SubscriberRepository subscribers, EditionRepository editions, Clock clock) {
        this.deliveries = deliveries;
        this.subscribers = subscribers;
        this.editions = editions;
        this.clock = clock;
    }

    /** The next deliveries to do, by id after {@code afterId}; those whose subscriber left meanwhile are closed first. */
    public List<Delivery> due(long editionId, long afterId, int limit) {
        List<Delivery> batch = deliveries.due(editionId, afterId, clock.instant(), limit);
        if (batch.isEmpty()) {
            return batch;
        }
        java.util.Set<Long> confirmed = new java.util.HashSet<>(subscribers.confirmedAmong(
                batch.stream().map(Delivery::getSubscriberId).toList()));
        List<Delivery> keep = new java.util.ArrayList<>(batch.size());
        for (Delivery d : batch) {
            if (!confirmed.contains(d.getSubscriberId())) {
                deliveries.markFailed(d.getId(), "The subscriber left before this copy was sent");
            } else {
                keep.add(d);
            }
        }
        return keep;
    }

    public Optional<Instant> nextDeferred(long editionId) {
        return deliveries.nextDeferred(editionId);
    }

    public boolean claim(Delivery d) {
        return deliveries.claim(d.getId(), d.getStatus(), d.getAttempts());
    }

    /** Claims several deliveries in one commit; returns those this caller now holds, in order. */
    public List<Delivery> claimAll(List<Delivery> batch) {
        List<Delivery> mine = new java.util.ArrayList<>(batch.size());
        for (Delivery d : batch) {
            if (deliveries.claim(d.getId(), d.getStatus(), d.getAttempts())) {
                mine.add(d);
            }
        }
        return mine;
    }

    public void sent(long deliveryId) {
        deliveries.markSent(deliveryId, clock.instant());
    }

    public void defer(long deliveryId, Instant next, String error) {
        deliveries.defer(deliveryId, next, error);
    }

    /** Gives up on a delivery; a permanent refusal also marks the subscriber as bounced. */
    public void failed(Delivery d, String error, boolean bounce) {
        deliveries.markFailed(d.getId(), error);
        if (bounce) {
            subscribers.findById(d.getSubscriberId()).ifPresent(s -> {
                s.bounced(error, clock.instant());
                subscribers.save(s);
            });
        }
    }

    public Map<DeliveryStatus, Long> counts(long editionId) {
        return deliveries.counts(editionId);
    }

    /** Marks the edition sent when no delivery is left to do; returns whether it is done. */
    public boolean finishIfDone(long editionId) {
        Map<DeliveryStatus, Long> counts = deliveries.counts(editionId);
        if (counts.get(DeliveryStatus.PENDING) + counts.get(DeliveryStatus.SENDING) > 0) {
            return false;
        }
        editions.findById(editionId).ifPresent(e -> {
            if (e.getStatus() == org.scriptorium.newsletter.domain.EditionStatus.SENDING) {
                e.finished(clock.instant());
                editions.save(e);
            }
        });
        return true;
    }

    static long total(Collection<Long> values) {
        return values.stream().mapToLong(Long::longValue).sum();
    }
}
