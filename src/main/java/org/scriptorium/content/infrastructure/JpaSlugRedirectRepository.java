package org.scriptorium.content.infrastructure;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.scriptorium.content.domain.SlugKind;
import org.scriptorium.content.domain.SlugRedirect;
import org.scriptorium.content.domain.SlugRedirectRepository;

/** {@link SlugRedirectRepository} over JPA. */
@ApplicationScoped
public class JpaSlugRedirectRepository implements SlugRedirectRepository {

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    protected JpaSlugRedirectRepository() {
    }

    public JpaSlugRedirectRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public SlugRedirect save(SlugRedirect redirect) {
        em.persist(redirect);
        return redirect;
    }

    @Override
    public Optional<SlugRedirect> find(SlugKind kind, String language, String oldSlug) {
        return em.createQuery("select r from SlugRedirect r where r.kind = :kind and r.language = :language"
                        + " and r.oldSlug = :slug", SlugRedirect.class)
                .setParameter("kind", kind)
                .setParameter("language", language)
                .setParameter("slug", oldSlug)
                .getResultStream().findFirst();
    }

    @Override
    public void delete(SlugRedirect redirect) {
        em.remove(em.contains(redirect) ? redirect : em.merge(redirect));
    }
}
