package org.scriptorium.identity.infrastructure;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.scriptorium.identity.domain.PasswordToken;
import org.scriptorium.identity.domain.PasswordTokenRepository;

/** {@link PasswordTokenRepository} over JPA. */
@ApplicationScoped
public class JpaPasswordTokenRepository implements PasswordTokenRepository {

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    protected JpaPasswordTokenRepository() {
    }

    public JpaPasswordTokenRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public PasswordToken save(PasswordToken token) {
        if (em.find(PasswordToken.class, token.getTokenHash()) == null) {
            em.persist(token);
            return token;
        }
        return em.merge(token);
    }

    @Override
    public Optional<PasswordToken> findByHash(String tokenHash) {
        return Optional.ofNullable(em.find(PasswordToken.class, tokenHash));
    }

    @Override
    public List<PasswordToken> findByUser(long userId) {
        return em.createQuery("select t from PasswordToken t where t.userId = :user", PasswordToken.class)
                .setParameter("user", userId).getResultList();
    }
}
