package org.scriptorium.content.infrastructure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.scriptorium.content.domain.Article;
import org.scriptorium.content.domain.ArticleRepository;
import org.scriptorium.content.domain.ArticleTranslation;
import org.scriptorium.content.domain.EditorialQuery;
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

    private static final String VISIBLE = " t.language = :language and t.status = :status and t.publishAt <= :now";
    private static final String NEWEST = " order by t.publishAt desc, t.id desc";
    private static final String LIST = "select t from ArticleTranslation t join fetch t.article a join fetch a.author where";
    private static final String COUNT = "select count(t) from ArticleTranslation t join t.article a where";
    private static final String IN_CATEGORIES = " and a.id in (select a2.id from Article a2 join a2.categories c where c.id in :ids)";
    private static final String WITH_TAG = " and a.id in (select a2.id from Article a2 join a2.tags g where g.id = :tag)";
    private static final String BY_AUTHOR = " and a.author.slug = :author and a.guestAuthorName is null";

    private <T> TypedQuery<T> visible(String jpql, Class<T> type, String language, Instant now) {
        return em.createQuery(jpql, type).setParameter("language", language)
                .setParameter("status", PublicationStatus.PUBLISHED).setParameter("now", now);
    }

    @Override
    public List<ArticleTranslation> findPublishedInCategories(String language, Collection<Long> categoryIds, Instant now,
                                                              int offset, int limit) {
        return visible(LIST + VISIBLE + IN_CATEGORIES + NEWEST, ArticleTranslation.class, language, now)
                .setParameter("ids", categoryIds).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long countPublishedInCategories(String language, Collection<Long> categoryIds, Instant now) {
        return visible(COUNT + VISIBLE + IN_CATEGORIES, Long.class, language, now).setParameter("ids", categoryIds)
                .getSingleResult();
    }

    @Override
    public List<ArticleTranslation> findPublishedOf(String language, Collection<Long> articleIds, Instant now) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        return visible(LIST + VISIBLE + " and a.id in :articles", ArticleTranslation.class, language, now)
                .setParameter("articles", articleIds).getResultList();
    }

    @Override
    public List<ArticleTranslation> findPublishedWithTag(String language, long tagId, Instant now, int offset, int limit) {
        return visible(LIST + VISIBLE + WITH_TAG + NEWEST, ArticleTranslation.class, language, now)
                .setParameter("tag", tagId).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long countPublishedWithTag(String language, long tagId, Instant now) {
        return visible(COUNT + VISIBLE + WITH_TAG, Long.class, language, now).setParameter("tag", tagId).getSingleResult();
    }

    @Override
    public List<ArticleTranslation> findPublishedByAuthor(String language, String authorSlug, Instant now, int offset,
                                                          int limit) {
        return visible(LIST + VISIBLE + BY_AUTHOR + NEWEST, ArticleTranslation.class, language, now)
                .setParameter("author", authorSlug).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long countPublishedByAuthor(String language, String authorSlug, Instant now) {
        return visible(COUNT + VISIBLE + BY_AUTHOR, Long.class, language, now).setParameter("author", authorSlug)
                .getSingleResult();
    }

    @Override
    public List<String> languagesPublishedByAuthor(String authorSlug, Instant now) {
        return em.createQuery("select distinct t.language from ArticleTranslation t join t.article a"
                        + " where a.author.slug = :author and a.guestAuthorName is null and t.status = :status"
                        + " and t.publishAt <= :now", String.class)
                .setParameter("author", authorSlug).setParameter("status", PublicationStatus.PUBLISHED)
                .setParameter("now", now).getResultList();
    }

    @Override
    public List<String> authorsPublished(Instant now) {
        return em.createQuery("select distinct a.author.slug from ArticleTranslation t join t.article a"
                        + " where a.guestAuthorName is null and t.status = :status and t.publishAt <= :now"
                        + " order by a.author.slug", String.class)
                .setParameter("status", PublicationStatus.PUBLISHED).setParameter("now", now).getResultList();
    }

    @Override
    public List<ArticleTranslation> findPublishedSharingCategoryOrTag(String language, long excludedArticleId,
                                                                      Collection<Long> categoryIds,
                                                                      Collection<Long> tagIds, Instant now, int limit) {
        return visible(LIST + VISIBLE + " and a.id <> :self and (a.id in (select a2.id from Article a2 join a2.categories c"
                        + " where c.id in :cats) or a.id in (select a3.id from Article a3 join a3.tags g where g.id in :tags))"
                        + NEWEST, ArticleTranslation.class, language, now)
                .setParameter("self", excludedArticleId).setParameter("cats", categoryIds).setParameter("tags", tagIds)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public List<ArticleTranslation> findForEditors(EditorialQuery query, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = editorialWhere(query, params);
        String order = switch (query.sort()) {
            case TITLE -> " order by lower(t.title), t.id";
            case STATUS -> " order by t.status, t.updatedAt desc, t.id desc";
            case UPDATED -> " order by t.updatedAt desc, t.id desc";
        };
        TypedQuery<ArticleTranslation> q = em.createQuery("select t from ArticleTranslation t join fetch t.article a"
                + " join fetch a.author u" + where + order, ArticleTranslation.class);
        params.forEach(q::setParameter);
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long countForEditors(EditorialQuery query) {
        Map<String, Object> params = new HashMap<>();
        String where = editorialWhere(query, params);
        TypedQuery<Long> q = em.createQuery("select count(t) from ArticleTranslation t join t.article a join a.author u"
                + where, Long.class);
        params.forEach(q::setParameter);
        return q.getSingleResult();
    }

    private static String editorialWhere(EditorialQuery query, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        query.language().ifPresent(l -> {
            where.append(" and t.language = :language");
            params.put("language", l);
        });
        query.status().ifPresent(s -> {
            where.append(" and t.status = :status");
            params.put("status", s);
        });
        query.categoryId().ifPresent(c -> {
            where.append(" and a.id in (select a2.id from Article a2 join a2.categories c where c.id = :category)");
            params.put("category", c);
        });
        query.authorId().ifPresent(id -> {
            where.append(" and u.id = :author");
            params.put("author", id);
        });
        query.titleText().ifPresent(text -> {
            where.append(" and lower(t.title) like :text escape '!'");
            params.put("text", "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%");
        });
        List<String> restrictions = new ArrayList<>();
        query.onlyAuthorId().ifPresent(id -> {
            restrictions.add("u.id = :onlyAuthor");
            params.put("onlyAuthor", id);
        });
        query.onlyLanguages().ifPresent(languages -> {
            restrictions.add("t.language in :onlyLanguages");
            params.put("onlyLanguages", languages.isEmpty() ? List.of("") : List.copyOf(languages));
        });
        if (!restrictions.isEmpty()) {
            where.append(" and (").append(String.join(" or ", restrictions)).append(')');
        }
        return where.toString();
    }

    @Override
    public List<ArticleTranslation> findDueForPublishing(Instant now, int limit) {
        return em.createQuery("select t from ArticleTranslation t join fetch t.article where t.status = :status"
                        + " and t.publishAt <= :now order by t.publishAt, t.id", ArticleTranslation.class)
                .setParameter("status", PublicationStatus.SCHEDULED)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
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

    @Override
    public List<ArticleTranslation> findTranslatedFrom(long sourceTranslationId) {
        return em.createQuery("select t from ArticleTranslation t where t.source.translation.id = :id order by t.language",
                ArticleTranslation.class).setParameter("id", sourceTranslationId).getResultList();
    }

    @Override
    public List<Article> findArticles(Optional<Long> authorId, int offset, int limit) {
        TypedQuery<Article> q = em.createQuery("select a from Article a"
                + (authorId.isPresent() ? " where a.author.id = :author" : "")
                + " order by a.updatedAt desc, a.id desc", Article.class);
        authorId.ifPresent(id -> q.setParameter("author", id));
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long countArticles(Optional<Long> authorId) {
        TypedQuery<Long> q = em.createQuery("select count(a) from Article a"
                + (authorId.isPresent() ? " where a.author.id = :author" : ""), Long.class);
        authorId.ifPresent(id -> q.setParameter("author", id));
        return q.getSingleResult();
    }

    @Override
    public long countOutdated() {
        return em.createQuery("select count(t) from ArticleTranslation t where t.outdatedFields is not null", Long.class)
                .getSingleResult();
    }

    @Override
    public long countInLanguages(Collection<String> languages) {
        if (languages.isEmpty()) {
            return 0;
        }
        return em.createQuery("select count(t) from ArticleTranslation t where t.language in :languages", Long.class)
                .setParameter("languages", languages).getSingleResult();
    }

    @Override
    public List<Instant> publicationTimes(Instant from, Instant until) {
        return em.createQuery("select t.publishAt from ArticleTranslation t where t.status = :status"
                        + " and t.publishAt >= :from and t.publishAt < :until", Instant.class)
                .setParameter("status", PublicationStatus.PUBLISHED)
                .setParameter("from", from)
                .setParameter("until", until)
                .getResultList();
    }

    @Override
    public long countWithStatus(PublicationStatus status) {
        return em.createQuery("select count(t) from ArticleTranslation t where t.status = :status", Long.class)
                .setParameter("status", status).getSingleResult();
    }
}
