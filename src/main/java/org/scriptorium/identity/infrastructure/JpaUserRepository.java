package org.scriptorium.identity.infrastructure;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.scriptorium.identity.domain.User;
import org.scriptorium.identity.domain.UserRepository;

/** {@link UserRepository} over JPA. */
@ApplicationScoped
public class JpaUserRepository implements UserRepository {

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    protected JpaUserRepository() {
    }

    public JpaUserRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<User> findById(long id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return em.createQuery("select u from User u where u.email = :email", User.class)
                .setParameter("email", User.normalizeEmail(email))
                .getResultStream().findFirst();
    }

    @Override
    public Optional<User> findBySlug(String slug) {
        return em.createQuery("select u from User u where u.slug = :slug", User.class)
                .setParameter("slug", slug)
                .getResultStream().findFirst();
    }

    @Override
    public List<User> findAll() {
        return em.createQuery("select u from User u order by u.name", User.class).getResultList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(u) from User u", Long.class).getSingleResult();
    }

    @Override
    public User save(User user) {
        if (user.getId() == null) {
            em.persist(user);
            return user;
        }
        return em.merge(user);
    }
}
