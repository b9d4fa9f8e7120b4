package org.scriptorium.content.infrastructure;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.scriptorium.content.domain.Tag;
import org.scriptorium.content.domain.TagRepository;

/** {@link TagRepository} over JPA. */
@ApplicationScoped
public class JpaTagRepository implements TagRepository {

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    protected JpaTagRepository() {
    }

    public JpaTagRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Tag save(Tag tag) {
        if (tag.getId() == null) {
            em.persist(tag);
            return tag;
        }
        return em.merge(tag);
    }

    @Override
    public Optional<Tag> findById(long id) {
        return Optional.ofNullable(em.find(Tag.class, id));
    }

    @Override
    public Optional<Tag> findBySlug(String language, String slug) {
        return em.createQuery("select t.tag from TagTranslation t where t.language = :language and t.slug = :slug",
                        Tag.class)
                .setParameter("language", language)
                .setParameter("slug", slug)
                .getResultStream().findFirst();
    }

    @Override
    public List<Tag> findAll() {
        return em.createQuery("select t from Tag t order by t.id", Tag.class).getResultList();
    }
}
