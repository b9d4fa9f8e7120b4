package org.scriptorium.newsletter.infrastructure;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.scriptorium.newsletter.application.ActiveSends;
import org.scriptorium.newsletter.application.EditionSending;
import org.scriptorium.newsletter.application.EditionService;
import org.scriptorium.newsletter.application.NewsletterSettings;
import org.scriptorium.newsletter.domain.Delivery;

/**
 * Sends the deliveries of a chunk (claimed together, then sent and recorded one by one), no faster than the
 * configured messages per second (read again for every chunk, so a change applies to a running send), and
 * renews the job's lease on the edition before every message.
 *
 * <p>Outside the chunk's transaction: that one holds Payara's job repository, a second non-XA resource cannot
 * join it, and every delivery is recorded in its own commit by the ledger anyway.
 */
@Dependent
@Named("newsletterSendWriter")
@Transactional(TxType.NOT_SUPPORTED)
public class NewsletterSendWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty(name = "editionId")
    private String editionParameter;

    @Inject
    private EditionSending sending;

    @Inject
    private EditionService editions;

    @Inject
    private NewsletterSettings settings;

    @Inject
    private ActiveSends active;

    private long editionId;
    private EditionSending.Renderings renderings;
    private long nextSlot;

    @Override
    public void open(Serializable checkpoint) {
        editionId = Long.parseLong(editionParameter);
        renderings = new EditionSending.Renderings(editions.snapshot(editionId));
        nextSlot = System.nanoTime();
    }

    @Override
    public void writeItems(List<Object> items) {
        long interval = 1_000_000_000L / settings.rate();
        List<Delivery> chunk = items.stream().map(Delivery.class::cast).toList();
        sending.deliverAll(chunk, renderings, () -> {
            active.renew(editionId);
            long now = System.nanoTime();
            if (nextSlot > now) {
                LockSupport.parkNanos(nextSlot - now);
            }
            nextSlot = Math.max(now, nextSlot) + interval;
        });
    }
}
