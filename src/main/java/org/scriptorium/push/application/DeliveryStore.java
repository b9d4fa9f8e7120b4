package org.scriptorium.push.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.scriptorium.push.domain.NotificationPayload;
import org.scriptorium.push.domain.VapidKeyPair;

/**
 * The transactional steps of delivering push messages, each one short transaction, so that the dispatcher can
 * talk to push services between them without holding a transaction or a database connection open.
 */
public interface DeliveryStore {

    /** Ids of messages whose audience still has to be turned into deliveries. */
    List<Long> messagesToFanOut(int limit);

    /** Creates deliveries for the next slice of a message's audience; true when the whole audience is covered. */
    boolean fanOut(long messageId, int slice, Instant now);

    /** A pending delivery: its id and when it is due. */
    record Due(long id, Instant at) {
    }

    List<Due> due(Instant now, int limit);

    /** What is needed to send one delivery the caller has taken. */
    record Task(long deliveryId, long messageId, long subscriptionId, int attempts, PushTarget target,
                NotificationPayload payload, VapidKeyPair keys) {
    }

    /** Takes a due delivery for this caller until {@code leaseUntil}; empty when another took it first or it ended. */
    Optional<Task> claim(Due due, Instant leaseUntil);

    /** Records the outcome of an attempt and plans the next one, if any. */
    void record(Task task, DeliveryResult result, Instant now);
}
