package org.scriptorium.audit.infrastructure;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.scriptorium.audit.domain.AuditEntry;
import org.scriptorium.audit.domain.AuditEntryRepository;
import org.scriptorium.audit.domain.AuditQuery;

/** {@link AuditEntryRepository} over JPA. */
@ApplicationScoped
public class JpaAuditEntryRepository implements AuditEntryRepository {

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    protected JpaAuditEntryRepository() {
    }

    public JpaAuditEntryRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public AuditEntry save(AuditEntry entry) {
        em.persist(entry);
        return entry;
    }

    @Override
    public List<AuditEntry> find(AuditQuery query, int offset, int limit) {
        return build("select e", query, " order by e.occurredAt desc, e.id desc", AuditEntry.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(AuditQuery query) {
        return build("select count(e)", query, "", Long.class).getSingleResult();
    }

    @Override
    public List<String> actions() {
        return em.createQuery("select distinct e.action from AuditEntry e order by e.action", String.class).getResultList();
    }

    private <T> TypedQuery<T> build(String select, AuditQuery query, String order, Class<T> type) {
        StringBuilder jpql = new StringBuilder(select).append(" from AuditEntry e where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        query.actor().ifPresent(a -> {
            jpql.append(" and lower(e.actor) = :actor");
            params.put("actor", a.toLowerCase(Locale.ROOT));
        });
        query.actionPrefix().ifPresent(a -> {
            jpql.append(" and e.action like :action escape '!'");
            params.put("action", escape(a) + "%");
        });
        query.text().ifPresent(t -> {
            jpql.append(" and (lower(e.target) like :text escape '!' or lower(e.detail) like :text escape '!')");
            params.put("text", "%" + escape(t.toLowerCase(Locale.ROOT)) + "%");
        });
        query.from().ifPresent(f -> {
            jpql.append(" and e.occurredAt >= :from");
            params.put("from", f);
        });
        query.until().ifPresent(u -> {
            jpql.append(" and e.occurredAt < :until");
            params.put("until", u);
        });
        TypedQuery<T> q = em.createQuery(jpql + order, type);
        params.forEach(q::setParameter);
        return q;
    }

    private static String escape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
