package org.scriptorium.newsletter.infrastructure;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.scriptorium.newsletter.domain.RateCounter;
import org.scriptorium.newsletter.domain.RateCounterRepository;

/** {@link RateCounterRepository} over JPA, with a pessimistic lock on read. */
@ApplicationScoped
public class JpaRateCounterRepository implements RateCounterRepository {

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    protected JpaRateCounterRepository() {
    }

    public JpaRateCounterRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<RateCounter> findForUpdate(String key) {
        return Optional.ofNullable(em.find(RateCounter.class, key, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public RateCounter save(RateCounter counter) {
        if (!em.contains(counter)) {
            em.persist(counter);
        }
        return counter;
    }
}
