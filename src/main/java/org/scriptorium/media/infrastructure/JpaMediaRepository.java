package org.scriptorium.media.infrastructure;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.scriptorium.media.domain.MediaItem;
import org.scriptorium.media.domain.MediaRepository;

/** {@link MediaRepository} over JPA. */
@ApplicationScoped
public class JpaMediaRepository implements MediaRepository {

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    protected JpaMediaRepository() {
    }

    public JpaMediaRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public MediaItem save(MediaItem item) {
        if (item.getId() == null) {
            em.persist(item);
            return item;
        }
        return em.merge(item);
    }

    @Override
    public Optional<MediaItem> findById(long id) {
        return Optional.ofNullable(em.find(MediaItem.class, id));
    }

    @Override
    public Optional<MediaItem> findByFileName(String fileName) {
        return em.createQuery("select m from MediaItem m where m.fileName = :name", MediaItem.class)
                .setParameter("name", fileName).getResultStream().findFirst();
    }

    @Override
    public List<MediaItem> list(int offset, int limit) {
        return em.createQuery("select m from MediaItem m order by m.createdAt desc, m.id desc", MediaItem.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(m) from MediaItem m", Long.class).getSingleResult();
    }

    @Override
    public void delete(MediaItem item) {
        em.remove(em.contains(item) ? item : em.merge(item));
    }
}
