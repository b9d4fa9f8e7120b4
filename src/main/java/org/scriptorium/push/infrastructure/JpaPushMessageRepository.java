package org.scriptorium.push.infrastructure;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.scriptorium.push.domain.PushMessage;
import org.scriptorium.push.domain.PushMessageRepository;

/** {@link PushMessageRepository} over JPA. */
@ApplicationScoped
public class JpaPushMessageRepository implements PushMessageRepository {

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    protected JpaPushMessageRepository() {
    }

    public JpaPushMessageRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public PushMessage save(PushMessage message) {
        if (message.getId() == null) {
            em.persist(message);
            return message;
        }
        return em.merge(message);
    }

    @Override
    public Optional<PushMessage> findById(long id) {
        return Optional.ofNullable(em.find(PushMessage.class, id));
    }

    @Override
    public boolean existsForTranslation(long translationId) {
        return !em.createQuery("select m.id from PushMessage m where m.translationId = :t", Long.class)
                .setParameter("t", translationId).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public List<PushMessage> findNotFannedOut(int limit) {
        return em.createQuery("select m from PushMessage m where m.fannedOut = false order by m.id", PushMessage.class)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public List<PushMessage> findLatest(int limit) {
        return em.createQuery("select m from PushMessage m order by m.id desc", PushMessage.class)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public void count(long messageId, Outcome outcome) {
        String column = switch (outcome) {
            case SENT -> "sent";
            case FAILED -> "failed";
            case REMOVED -> "removed";
        };
        em.createQuery("update PushMessage m set m." + column + " = m." + column + " + 1 where m.id = :id")
                .setParameter("id", messageId).executeUpdate();
    }
}
