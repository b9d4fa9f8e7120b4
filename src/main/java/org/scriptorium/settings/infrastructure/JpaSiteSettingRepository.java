package org.scriptorium.settings.infrastructure;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.scriptorium.settings.domain.SiteSetting;
import org.scriptorium.settings.domain.SiteSettingRepository;

/** {@link SiteSettingRepository} over JPA. */
@ApplicationScoped
public class JpaSiteSettingRepository implements SiteSettingRepository {

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    protected JpaSiteSettingRepository() {
    }

    public JpaSiteSettingRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<SiteSetting> find(String key) {
        return Optional.ofNullable(em.find(SiteSetting.class, key));
    }

    @Override
    public SiteSetting save(SiteSetting setting) {
        if (em.contains(setting)) {
            return setting;
        }
        return em.merge(setting);
    }
}
