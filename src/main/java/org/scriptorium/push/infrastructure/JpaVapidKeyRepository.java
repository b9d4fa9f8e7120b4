package org.scriptorium.push.infrastructure;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.scriptorium.push.domain.VapidKeyPair;
import org.scriptorium.push.domain.VapidKeyRepository;

/** {@link VapidKeyRepository} over JPA. */
@ApplicationScoped
public class JpaVapidKeyRepository implements VapidKeyRepository {

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    protected JpaVapidKeyRepository() {
    }

    public JpaVapidKeyRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<VapidKeyPair> find() {
        return Optional.ofNullable(em.find(VapidKeyPair.class, VapidKeyPair.THE_ONE));
    }

    @Override
    public VapidKeyPair save(VapidKeyPair keys) {
        em.persist(keys);
        em.flush();
        return keys;
    }
}
