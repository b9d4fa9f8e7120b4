package org.scriptorium.push.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Access to the pending deliveries. */
public interface PushDeliveryRepository {

    PushDelivery save(PushDelivery delivery);

    Optional<PushDelivery> findById(long id);

    /** Deliveries due at {@code now}, the longest waiting first. */
    List<PushDelivery> findDue(Instant now, int limit);

    /**
     * Takes a delivery for sending: moves its next attempt from {@code seen} to {@code leaseUntil}, only if
     * nobody moved it since. True when this caller got it.
     */
    boolean claim(long id, Instant seen, Instant leaseUntil);

    void delete(PushDelivery delivery);

    /** Pending deliveries of a message. */
    long countPending(long messageId);

    long countPending();
}
