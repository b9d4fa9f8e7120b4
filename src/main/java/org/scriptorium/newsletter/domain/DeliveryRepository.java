package org.scriptorium.newsletter.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The delivery records of editions. Sending claims a record with a conditional update (status and attempt
 * count as they were read), so two senders, or a sender resumed twice, never both send one record.
 */
public interface DeliveryRepository {

    /** Creates a PENDING delivery for every confirmed subscriber; returns how many. */
    int createForConfirmed(long editionId);

    /** Up to {@code limit} deliveries to do now (PENDING or SENDING, due), by id, after {@code afterId}. */
    List<Delivery> due(long editionId, long afterId, Instant now, int limit);

    /** Marks a delivery SENDING if it is still as read; returns whether this caller got it. */
    boolean claim(long deliveryId, DeliveryStatus seenStatus, int seenAttempts);

    void markSent(long deliveryId, Instant now);

    /** Back to PENDING, to be tried again at {@code next}. */
    void defer(long deliveryId, Instant next, String error);

    void markFailed(long deliveryId, String error);

    /** How many deliveries of an edition are in each status. */
    Map<DeliveryStatus, Long> counts(long editionId);

    /** The earliest time a deferred delivery of an edition is due, if one is waiting. */
    Optional<Instant> nextDeferred(long editionId);

    /** Forgets the deliveries of an erased subscriber. */
    void deleteForSubscriber(long subscriberId);
}
