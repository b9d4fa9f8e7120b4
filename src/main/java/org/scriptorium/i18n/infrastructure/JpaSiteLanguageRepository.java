package org.scriptorium.i18n.infrastructure;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.scriptorium.i18n.domain.SiteLanguage;
import org.scriptorium.i18n.domain.SiteLanguageRepository;

/** {@link SiteLanguageRepository} over JPA. */
@ApplicationScoped
public class JpaSiteLanguageRepository implements SiteLanguageRepository {

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    protected JpaSiteLanguageRepository() {
    }

    public JpaSiteLanguageRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<SiteLanguage> findAll() {
        return em.createQuery("select l from SiteLanguage l order by l.position, l.code", SiteLanguage.class)
                .getResultList();
    }

    @Override
    public Optional<SiteLanguage> findByCode(String code) {
        return Optional.ofNullable(em.find(SiteLanguage.class, code));
    }
}
