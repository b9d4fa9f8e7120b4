package org.scriptorium.push.infrastructure;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.scriptorium.push.domain.PushDelivery;
import org.scriptorium.push.domain.PushDeliveryRepository;

/** {@link PushDeliveryRepository} over JPA. */
@ApplicationScoped
public class JpaPushDeliveryRepository implements PushDeliveryRepository {

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    protected JpaPushDeliveryRepository() {
    }

    public JpaPushDeliveryRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public PushDelivery save(PushDelivery delivery) {
        if (delivery.getId() == null) {
            em.persist(delivery);
            return delivery;
        }
        return em.merge(delivery);
    }

    @Override
    public Optional<PushDelivery> findById(long id) {
        return Optional.ofNullable(em.find(PushDelivery.class, id));
    }

    @Override
    public List<PushDelivery> findDue(Instant now, int limit) {
        return em.createQuery("select d from PushDelivery d where d.nextAttemptAt <= :now order by d.nextAttemptAt, d.id",
                PushDelivery.class).setParameter("now", now).setMaxResults(limit).getResultList();
    }

    @Override
    public boolean claim(long id, Instant seen, Instant leaseUntil) {
        int changed = em.createQuery("update PushDelivery d set d.nextAttemptAt = :lease"
                        + " where d.id = :id and d.nextAttemptAt = :seen")
                .setParameter("lease", leaseUntil).setParameter("id", id).setParameter("seen", seen).executeUpdate();
        return changed == 1;
    }

    @Override
    public void delete(PushDelivery delivery) {
        em.remove(em.contains(delivery) ? delivery : em.merge(delivery));
    }

    @Override
    public long countPending(long messageId) {
        return em.createQuery("select count(d) from PushDelivery d where d.messageId = :m", Long.class)
                .setParameter("m", messageId).getSingleResult();
    }

    @Override
    public long countPending() {
        return em.createQuery("select count(d) from PushDelivery d", Long.class).getSingleResult();
    }
}
