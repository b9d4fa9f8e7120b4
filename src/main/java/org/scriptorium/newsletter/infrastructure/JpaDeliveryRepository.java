package org.scriptorium.newsletter.infrastructure;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.scriptorium.newsletter.domain.Delivery;
import org.scriptorium.newsletter.domain.DeliveryRepository;
import org.scriptorium.newsletter.domain.DeliveryStatus;

/** {@link DeliveryRepository} over JPA; creation is one INSERT ... SELECT, claims are conditional updates. */
@ApplicationScoped
public class JpaDeliveryRepository implements DeliveryRepository {

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    protected JpaDeliveryRepository() {
    }

    public JpaDeliveryRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public int createForConfirmed(long editionId) {
        return em.createNativeQuery("insert into newsletter_delivery (edition_id, subscriber_id, email, language, status, attempts)"
                        + " select ?1, id, email, language, 'PENDING', 0 from newsletter_subscriber where status = 'CONFIRMED' order by id")
                .setParameter(1, editionId).executeUpdate();
    }

    @Override
    public List<Delivery> due(long editionId, long afterId, Instant now, int limit) {
        return em.createQuery("select d from Delivery d where d.editionId = :e and d.id > :after"
                        + " and (d.status = :pending or d.status = :sending) and (d.nextAttemptAt is null or d.nextAttemptAt <= :now)"
                        + " order by d.id", Delivery.class)
                .setParameter("e", editionId).setParameter("after", afterId).setParameter("now", now)
                .setParameter("pending", DeliveryStatus.PENDING).setParameter("sending", DeliveryStatus.SENDING)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public boolean claim(long deliveryId, DeliveryStatus seenStatus, int seenAttempts) {
        return em.createQuery("update Delivery d set d.status = :sending, d.attempts = d.attempts + 1"
                        + " where d.id = :id and d.status = :seen and d.attempts = :attempts")
                .setParameter("sending", DeliveryStatus.SENDING).setParameter("id", deliveryId)
                .setParameter("seen", seenStatus).setParameter("attempts", seenAttempts).executeUpdate() == 1;
    }

    @Override
    public void markSent(long deliveryId, Instant now) {
        em.createQuery("update Delivery d set d.status = :sent, d.sentAt = :now, d.lastError = null where d.id = :id")
                .setParameter("sent", DeliveryStatus.SENT).setParameter("now", now).setParameter("id", deliveryId).executeUpdate();
    }

    @Override
    public void defer(long deliveryId, Instant next, String error) {
        em.createQuery("update Delivery d set d.status = :pending, d.nextAttemptAt = :next, d.lastError = :error where d.id = :id")
                .setParameter("pending", DeliveryStatus.PENDING).setParameter("next", next)
                .setParameter("error", cut(error)).setParameter("id", deliveryId).executeUpdate();
    }

    @Override
    public void markFailed(long deliveryId, String error) {
        em.createQuery("update Delivery d set d.status = :failed, d.lastError = :error where d.id = :id")
                .setParameter("failed", DeliveryStatus.FAILED).setParameter("error", cut(error)).setParameter("id", deliveryId)
                .executeUpdate();
    }

    @Override
    public Map<DeliveryStatus, Long> counts(long editionId) {
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        for (DeliveryStatus s : DeliveryStatus.values()) {
            counts.put(s, 0L);
        }
        em.createQuery("select d.status, count(d) from Delivery d where d.editionId = :e group by d.status", Object[].class)
                .setParameter("e", editionId).getResultList()
                .forEach(row -> counts.put((DeliveryStatus) row[0], (Long) row[1]));
        return counts;
    }

    @Override
    public Optional<Instant> nextDeferred(long editionId) {
        return Optional.ofNullable(em.createQuery("select min(d.nextAttemptAt) from Delivery d where d.editionId = :e and d.status = :pending",
                Instant.class).setParameter("e", editionId).setParameter("pending", DeliveryStatus.PENDING).getSingleResult());
    }

    @Override
    public void deleteForSubscriber(long subscriberId) {
        em.createQuery("delete from Delivery d where d.subscriberId = :s").setParameter("s", subscriberId).executeUpdate();
    }

    private static String cut(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
