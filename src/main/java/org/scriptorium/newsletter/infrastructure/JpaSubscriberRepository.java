package org.scriptorium.newsletter.infrastructure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.scriptorium.newsletter.domain.Subscriber;
import org.scriptorium.newsletter.domain.SubscriberQuery;
import org.scriptorium.newsletter.domain.SubscriberRepository;
import org.scriptorium.newsletter.domain.SubscriberStatus;

/** {@link SubscriberRepository} over JPA. */
@ApplicationScoped
public class JpaSubscriberRepository implements SubscriberRepository {

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    protected JpaSubscriberRepository() {
    }

    public JpaSubscriberRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Subscriber> findByEmail(String email) {
        return em.createQuery("select s from Subscriber s where s.email = :email", Subscriber.class)
                .setParameter("email", email).getResultStream().findFirst();
    }

    @Override
    public Optional<Subscriber> findById(long id) {
        return Optional.ofNullable(em.find(Subscriber.class, id));
    }

    @Override
    public java.util.Set<String> existingEmails(java.util.Collection<String> emails) {
        if (emails.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(em.createQuery("select s.email from Subscriber s where s.email in :emails", String.class)
                .setParameter("emails", emails).getResultList());
    }

    @Override
    public Subscriber save(Subscriber subscriber) {
        if (subscriber.getId() == null) {
            em.persist(subscriber);
            return subscriber;
        }
        return em.contains(subscriber) ? subscriber : em.merge(subscriber);
    }

    @Override
    public void delete(Subscriber subscriber) {
        em.remove(em.contains(subscriber) ? subscriber : em.merge(subscriber));
    }

    @Override
    public List<Subscriber> search(SubscriberQuery query, int offset, int limit) {
        return where(query, "select s from Subscriber s", " order by s.createdAt desc, s.id desc", Subscriber.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(SubscriberQuery query) {
        return where(query, "select count(s) from Subscriber s", "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> where(SubscriberQuery query, String select, String order, Class<T> type) {
        List<String> conditions = new ArrayList<>();
        if (query.status() != null) {
            conditions.add("s.status = :status");
        }
        if (query.language() != null && !query.language().isBlank()) {
            conditions.add("s.language = :language");
        }
        if (query.text() != null && !query.text().isBlank()) {
            conditions.add("s.email like :text escape '!'");
        }
        String jpql = select + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions)) + order;
        TypedQuery<T> q = em.createQuery(jpql, type);
        if (query.status() != null) {
            q.setParameter("status", query.status());
        }
        if (query.language() != null && !query.language().isBlank()) {
            q.setParameter("language", query.language());
        }
        if (query.text() != null && !query.text().isBlank()) {
            String escaped = query.text().trim().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
            q.setParameter("text", "%" + escaped + "%");
        }
        return q;
    }

    @Override
    public List<Subscriber> after(long afterId, int limit) {
        return em.createQuery("select s from Subscriber s where s.id > :after order by s.id", Subscriber.class)
                .setParameter("after", afterId).setMaxResults(limit).getResultList();
    }

    @Override
    public List<Long> confirmedAmong(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select s.id from Subscriber s where s.id in :ids and s.status = :confirmed", Long.class)
                .setParameter("ids", ids).setParameter("confirmed", SubscriberStatus.CONFIRMED).getResultList();
    }

    @Override
    public Map<SubscriberStatus, Long> countByStatus() {
        Map<SubscriberStatus, Long> counts = new java.util.EnumMap<>(SubscriberStatus.class);
        for (SubscriberStatus s : SubscriberStatus.values()) {
            counts.put(s, 0L);
        }
        em.createQuery("select s.status, count(s) from Subscriber s group by s.status", Object[].class).getResultList()
                .forEach(row -> counts.put((SubscriberStatus) row[0], (Long) row[1]));
        return counts;
    }

    @Override
    public Map<String, List<Long>> membersAt(List<Instant> moments) {
        if (moments.isEmpty()) {
            return Map.of();
        }
        StringBuilder jpql = new StringBuilder("select s.language");
        for (int i = 0; i < moments.size(); i++) {
            jpql.append(", sum(case when s.confirmedAt < :t").append(i).append(" and (s.leftAt is null or s.leftAt >= :t")
                    .append(i).append(") then 1 else 0 end)");
        }
        jpql.append(" from Subscriber s where s.confirmedAt is not null group by s.language");
        var query = em.createQuery(jpql.toString(), Object[].class);
        for (int i = 0; i < moments.size(); i++) {
            query.setParameter("t" + i, moments.get(i));
        }
        Map<String, List<Long>> counts = new TreeMap<>();
        for (Object[] row : query.getResultList()) {
            List<Long> series = new ArrayList<>(moments.size());
            for (int i = 1; i < row.length; i++) {
                series.add(row[i] == null ? 0L : ((Number) row[i]).longValue());
            }
            counts.put((String) row[0], series);
        }
        return counts;
    }
}
