package org.scriptorium.push.infrastructure;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.scriptorium.push.domain.PushSubscription;
import org.scriptorium.push.domain.PushSubscriptionRepository;

/** {@link PushSubscriptionRepository} over JPA. */
@ApplicationScoped
public class JpaPushSubscriptionRepository implements PushSubscriptionRepository {

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    protected JpaPushSubscriptionRepository() {
    }

    public JpaPushSubscriptionRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public PushSubscription save(PushSubscription subscription) {
        if (subscription.getId() == null) {
            em.persist(subscription);
            return subscription;
        }
        return em.merge(subscription);
    }

    @Override
    public Optional<PushSubscription> findById(long id) {
        return Optional.ofNullable(em.find(PushSubscription.class, id));
    }

    @Override
    public Optional<PushSubscription> findByEndpoint(String endpoint) {
        return em.createQuery("select s from PushSubscription s where s.endpoint = :e", PushSubscription.class)
                .setParameter("e", endpoint).getResultStream().findFirst();
    }

    @Override
    public void delete(PushSubscription subscription) {
        em.createQuery("delete from PushDelivery d where d.subscriptionId = :id")
                .setParameter("id", subscription.getId()).executeUpdate();
        em.remove(em.contains(subscription) ? subscription : em.merge(subscription));
    }

    @Override
    public List<PushSubscription> findAudience(String language, Instant until, long afterId, int limit) {
        return em.createQuery("select s from PushSubscription s where s.language = :l and s.id > :after"
                        + " and s.consentedAt <= :until order by s.id", PushSubscription.class)
                .setParameter("l", language).setParameter("after", afterId).setParameter("until", until)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(s) from PushSubscription s", Long.class).getSingleResult();
    }

    @Override
    public long countByLanguage(String language) {
        return em.createQuery("select count(s) from PushSubscription s where s.language = :l", Long.class)
                .setParameter("l", language).getSingleResult();
    }

    @Override
    public Map<String, Long> countPerLanguage() {
        Map<String, Long> counts = new LinkedHashMap<>();
        em.createQuery("select s.language, count(s) from PushSubscription s group by s.language order by s.language",
                Object[].class).getResultList().forEach(r -> counts.put((String) r[0], (Long) r[1]));
        return counts;
    }
}
