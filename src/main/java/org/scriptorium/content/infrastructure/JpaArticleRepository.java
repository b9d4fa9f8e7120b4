package org.scriptorium.content.infrastructure;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.scriptorium.content.domain.Article;
import org.scriptorium.content.domain.ArticleRepository;
import org.scriptorium.content.domain.ArticleTranslation;
import org.scriptorium.content.domain.PublicationStatus;

/** {@link ArticleRepository} over JPA. */
@ApplicationScoped
public class JpaArticleRepository implements ArticleRepository {

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    protected JpaArticleRepository() {
    }

    public JpaArticleRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Article save(Article article) {
        if (article.getId() == null) {
            em.persist(article);
            return article;
        }
        return em.merge(article);
    }

    @Override
    public Optional<Article> findById(long id) {
        return Optional.ofNullable(em.find(Article.class, id));
    }

    @Override
    public Optional<ArticleTranslation> findTranslationById(long id) {
        return Optional.ofNullable(em.find(ArticleTranslation.class, id));
    }

    @Override
    public Optional<ArticleTranslation> findTranslationBySlug(String language, String slug) {
        return em.createQuery("select t from ArticleTranslation t join fetch t.article a join fetch a.author"
                        + " where t.language = :language and t.slug = :slug", ArticleTranslation.class)
                .setParameter("language", language)
                .setParameter("slug", slug)
                .getResultStream().findFirst();
    }

    @Override
    public List<ArticleTranslation> findPublished(String language, Instant now, int offset, int limit) {
        return em.createQuery("select t from ArticleTranslation t join fetch t.article a join fetch a.author"
                        + " where t.language = :language and t.status = :status and t.publishAt <= :now"
                        + " order by t.publishAt desc, t.id desc", ArticleTranslation.class)
                .setParameter("language", language)
                .setParameter("status", PublicationStatus.PUBLISHED)
                .setParameter("now", now)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public long countPublished(String language, Instant now) {
        return em.createQuery("select count(t) from ArticleTranslation t where t.language = :language"
                        + " and t.status = :status and t.publishAt <= :now", Long.class)
                .setParameter("language", language)
                .setParameter("status", PublicationStatus.PUBLISHED)
                .setParameter("now", now)
                .getSingleResult();
    }

    @Override
    public List<StatusCount> countByLanguageAndStatus() {
        return em.createQuery("select t.language, t.status, count(t) from ArticleTranslation t"
                        + " group by t.language, t.status", Object[].class)
                .getResultStream()
                .map(row -> new StatusCount((String) row[0], (PublicationStatus) row[1], (Long) row[2]))
                .toList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(a) from Article a", Long.class).getSingleResult();
    }
}
