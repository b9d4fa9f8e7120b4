package org.scriptorium.identity.infrastructure;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.scriptorium.identity.domain.LoginFailures;
import org.scriptorium.identity.domain.LoginFailuresRepository;

/** {@link LoginFailuresRepository} over JPA. */
@ApplicationScoped
public class JpaLoginFailuresRepository implements LoginFailuresRepository {

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    protected JpaLoginFailuresRepository() {
    }

    public JpaLoginFailuresRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<LoginFailures> find(String key) {
        return Optional.ofNullable(em.find(LoginFailures.class, key));
    }

    @Override
    public LoginFailures save(LoginFailures failures) {
        if (!em.contains(failures)) {
            if (em.find(LoginFailures.class, failures.getKey()) == null) {
                em.persist(failures);
                return failures;
            }
            return em.merge(failures);
        }
        return failures;
    }

    @Override
    public void delete(String key) {
        LoginFailures existing = em.find(LoginFailures.class, key);
        if (existing != null) {
            em.remove(existing);
        }
    }
}
