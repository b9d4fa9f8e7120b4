package org.scriptorium.consent.infrastructure;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.scriptorium.consent.domain.ConsentRecord;
import org.scriptorium.consent.domain.ConsentRecordRepository;

/** {@link ConsentRecordRepository} over JPA. */
@ApplicationScoped
public class JpaConsentRecordRepository implements ConsentRecordRepository {

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    protected JpaConsentRecordRepository() {
    }

    public JpaConsentRecordRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public ConsentRecord save(ConsentRecord record) {
        em.persist(record);
        return record;
    }

    @Override
    public List<ConsentRecord> bySubject(String channel, String subject) {
        return em.createQuery("select c from ConsentRecord c where c.channel = :channel and c.subject = :subject order by c.givenAt, c.id",
                ConsentRecord.class).setParameter("channel", channel).setParameter("subject", subject).getResultList();
    }

    @Override
    public int deleteBySubject(String subject) {
        return em.createQuery("delete from ConsentRecord c where c.subject = :subject").setParameter("subject", subject)
                .executeUpdate();
    }
}
