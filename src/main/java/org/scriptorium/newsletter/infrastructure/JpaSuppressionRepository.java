package org.scriptorium.newsletter.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.scriptorium.newsletter.domain.Suppression;
import org.scriptorium.newsletter.domain.SuppressionRepository;

/** {@link SuppressionRepository} over JPA. */
@ApplicationScoped
public class JpaSuppressionRepository implements SuppressionRepository {

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    protected JpaSuppressionRepository() {
    }

    public JpaSuppressionRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean contains(String emailHash) {
        return em.find(Suppression.class, emailHash) != null;
    }

    @Override
    public java.util.Set<String> containedAmong(java.util.Collection<String> emailHashes) {
        if (emailHashes.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(em.createQuery("select s.emailHash from Suppression s where s.emailHash in :hashes", String.class)
                .setParameter("hashes", emailHashes).getResultList());
    }

    @Override
    public void add(Suppression suppression) {
        if (!contains(suppression.getEmailHash())) {
            em.persist(suppression);
        }
    }

    @Override
    public void remove(String emailHash) {
        Suppression s = em.find(Suppression.class, emailHash);
        if (s != null) {
            em.remove(s);
        }
    }
}
