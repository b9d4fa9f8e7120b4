package org.scriptorium.newsletter.infrastructure;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.scriptorium.newsletter.application.ActiveSends;
import org.scriptorium.newsletter.application.EditionSending;
import org.scriptorium.newsletter.domain.Delivery;

/**
 * Reads the deliveries of an edition that are due, by id. The checkpoint is the last id handed out, but it is
 * only a hint: what is due comes from the delivery records, so a job started afresh after a crash (whose batch
 * state may be lost or stuck) finds exactly the same work. When nothing is due but deferred deliveries wait,
 * it sleeps until the earliest is due; it ends when nothing is left and the edition is marked sent, or when
 * its lease on the edition ({@link ActiveSends}) went stale and a later job took the send over. Like the
 * writer, it works outside the chunk's transaction, which belongs to Payara's job repository.
 */
@Dependent
@Named("newsletterSendReader")
@Transactional(TxType.NOT_SUPPORTED)
public class NewsletterSendReader extends AbstractItemReader {

    static final int FETCH = 200;
    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    @Inject
    @BatchProperty(name = "editionId")
    private String editionParameter;

    @Inject
    private EditionSending sending;

    @Inject
    private ActiveSends active;

    @Inject
    private Clock clock;

    private long editionId;
    private ActiveSends.Lease lease;
    private long lastId;
    private final Deque<Delivery> buffer = new ArrayDeque<>();

    @Override
    public void open(Serializable checkpoint) {
        editionId = Long.parseLong(editionParameter);
        lease = active.begin(editionId).orElse(null);
        lastId = checkpoint instanceof Long l ? l : 0L;
    }

    @Override
    public Object readItem() throws InterruptedException {
        if (lease == null || !active.holds(lease)) {
            return null;
        }
        lease.renew();
        boolean fromStart = lastId == 0;
        while (true) {
            Delivery next = buffer.pollFirst();
            if (next != null) {
                lastId = next.getId();
                return next;
            }
            buffer.addAll(sending.due(editionId, lastId, FETCH));
            if (!buffer.isEmpty()) {
                continue;
            }
            if (!fromStart) {
                lastId = 0;
                fromStart = true;
                continue;
            }
            if (sending.finishIfDone(editionId)) {
                return null;
            }
            Optional<Instant> deferred = sending.nextDeferred(editionId);
            Duration wait = deferred.map(t -> Duration.between(clock.instant(), t)).filter(d -> !d.isNegative())
                    .map(d -> d.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : d).orElse(Duration.ofSeconds(1));
            Thread.sleep(Math.max(100, wait.toMillis()));
            lease.renew();
            lastId = 0;
            fromStart = true;
        }
    }

    @Override
    public Serializable checkpointInfo() {
        return lastId;
    }

    @Override
    public void close() {
        if (lease != null) {
            active.end(lease);
            lease = null;
        }
    }
}
