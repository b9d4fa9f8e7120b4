package org.scriptorium.newsletter.infrastructure;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.scriptorium.newsletter.domain.Edition;
import org.scriptorium.newsletter.domain.EditionRepository;
import org.scriptorium.newsletter.domain.EditionStatus;

/** {@link EditionRepository} over JPA. */
@ApplicationScoped
public class JpaEditionRepository implements EditionRepository {

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    protected JpaEditionRepository() {
    }

    public JpaEditionRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Edition save(Edition edition) {
        if (edition.getId() == null) {
            em.persist(edition);
            return edition;
        }
        return em.contains(edition) ? edition : em.merge(edition);
    }

    @Override
    public Optional<Edition> findById(long id) {
        return Optional.ofNullable(em.find(Edition.class, id));
    }

    @Override
    public List<Edition> all() {
        return em.createQuery("select e from Edition e order by e.createdAt desc, e.id desc", Edition.class).getResultList();
    }

    @Override
    public Optional<Edition> lastStarted() {
        return em.createQuery("select e from Edition e where e.startedAt is not null order by e.startedAt desc, e.id desc", Edition.class)
                .setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public List<Edition> due(Instant now) {
        return em.createQuery("select e from Edition e where e.status = :s and e.scheduledAt <= :now order by e.scheduledAt", Edition.class)
                .setParameter("s", EditionStatus.SCHEDULED).setParameter("now", now).getResultList();
    }

    @Override
    public List<Edition> sending() {
        return em.createQuery("select e from Edition e where e.status = :s order by e.id", Edition.class)
                .setParameter("s", EditionStatus.SENDING).getResultList();
    }
}
