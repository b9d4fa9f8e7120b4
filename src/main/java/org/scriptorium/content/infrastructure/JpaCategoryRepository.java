package org.scriptorium.content.infrastructure;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.scriptorium.content.domain.Category;
import org.scriptorium.content.domain.CategoryRepository;

/** {@link CategoryRepository} over JPA. */
@ApplicationScoped
public class JpaCategoryRepository implements CategoryRepository {

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    protected JpaCategoryRepository() {
    }

    public JpaCategoryRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Category save(Category category) {
        if (category.getId() == null) {
            em.persist(category);
            return category;
        }
        return em.merge(category);
    }

    @Override
    public Optional<Category> findById(long id) {
        return Optional.ofNullable(em.find(Category.class, id));
    }

    @Override
    public List<Category> findAllById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select distinct c from Category c left join fetch c.translations where c.id in :ids",
                        Category.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    @Override
    public List<Category> findTopLevel() {
        return em.createQuery("select c from Category c where c.parent is null order by c.position", Category.class)
                .getResultList();
    }

    @Override
    public Optional<Category> findBySlug(String language, String slug) {
        return em.createQuery("select t.category from CategoryTranslation t where t.language = :language"
                        + " and t.slug = :slug", Category.class)
                .setParameter("language", language)
                .setParameter("slug", slug)
                .getResultStream().findFirst();
    }
}
