package org.scriptorium.comments.infrastructure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.scriptorium.comments.domain.CheckState;
import org.scriptorium.comments.domain.Comment;
import org.scriptorium.comments.domain.CommentQuery;
import org.scriptorium.comments.domain.CommentRepository;
import org.scriptorium.comments.domain.CommentStatus;
import org.scriptorium.comments.domain.DiscardedComment;

/** {@link CommentRepository} over JPA. */
@ApplicationScoped
public class JpaCommentRepository implements CommentRepository {

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    protected JpaCommentRepository() {
    }

    public JpaCommentRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Comment save(Comment comment) {
        if (comment.getId() == null) {
            em.persist(comment);
            em.flush();
            return comment;
        }
        return em.contains(comment) ? comment : em.merge(comment);
    }

    @Override
    public Optional<Comment> findById(long id) {
        return Optional.ofNullable(em.find(Comment.class, id));
    }

    @Override
    public Optional<Comment> lockById(long id) {
        return Optional.ofNullable(em.find(Comment.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<Comment> lockByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> ordered = ids.stream().distinct().sorted().toList();
        List<Comment> locked = em.createQuery("select c from Comment c where c.id in :ids order by c.id", Comment.class)
                .setParameter("ids", ordered).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        return locked.stream().sorted(Comparator.comparing(Comment::getCreatedAt).thenComparing(Comment::getId)).toList();
    }

    @Override
    public List<Comment> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select c from Comment c where c.id in :ids order by c.createdAt", Comment.class)
                .setParameter("ids", ids).getResultList();
    }

    @Override
    public List<Comment> findApproved(long translationId) {
        return em.createQuery("select c from Comment c where c.translationId = :t and c.status = :s order by c.createdAt, c.id",
                        Comment.class)
                .setParameter("t", translationId).setParameter("s", CommentStatus.APPROVED).getResultList();
    }

    @Override
    public List<Comment> findOwn(long translationId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select c from Comment c where c.translationId = :t and c.id in :ids order by c.createdAt",
                        Comment.class)
                .setParameter("t", translationId).setParameter("ids", ids).getResultList();
    }

    @Override
    public Map<String, Long> countApproved(Collection<Long> articleIds) {
        Map<String, Long> counts = new HashMap<>();
        if (articleIds.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = em.createQuery("select c.articleId, c.language, count(c) from Comment c where c.status = :s"
                        + " and c.articleId in :ids group by c.articleId, c.language", Object[].class)
                .setParameter("s", CommentStatus.APPROVED).setParameter("ids", articleIds).getResultList();
        for (Object[] r : rows) {
            counts.put(r[0] + "/" + r[1], (Long) r[2]);
        }
        return counts;
    }

    @Override
    public List<Comment> find(CommentQuery query, int offset, int limit) {
        TypedQuery<Comment> q = em.createQuery("select c from Comment c" + where(query) + " order by c.createdAt desc, c.id desc",
                Comment.class);
        bind(q, query);
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(CommentQuery query) {
        TypedQuery<Long> q = em.createQuery("select count(c) from Comment c" + where(query), Long.class);
        bind(q, query);
        return q.getSingleResult();
    }

    private static String where(CommentQuery query) {
        StringBuilder w = new StringBuilder(" where c.status = :status");
        query.language().ifPresent(l -> w.append(" and c.language = :lang"));
        query.articleId().ifPresent(a -> w.append(" and c.articleId = :article"));
        query.text().ifPresent(t -> w.append(" and (lower(c.body) like :text escape '!' or lower(c.authorName) like :text escape '!'"
                + " or lower(c.authorEmail) like :text escape '!')"));
        return w.toString();
    }

    private static void bind(TypedQuery<?> q, CommentQuery query) {
        q.setParameter("status", query.status());
        query.language().ifPresent(l -> q.setParameter("lang", l));
        query.articleId().ifPresent(a -> q.setParameter("article", a));
        query.text().ifPresent(t -> q.setParameter("text", "%" + t.toLowerCase().replace("!", "!!").replace("%", "!%")
                .replace("_", "!_") + "%"));
    }

    @Override
    public Map<CommentStatus, Long> countByStatus() {
        Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
        for (CommentStatus s : CommentStatus.values()) {
            counts.put(s, 0L);
        }
        for (Object[] r : em.createQuery("select c.status, count(c) from Comment c group by c.status", Object[].class)
                .getResultList()) {
            counts.put((CommentStatus) r[0], (Long) r[1]);
        }
        return counts;
    }

    @Override
    public boolean existsSince(String userIp, String email, Instant since) {
        String byEmail = "select c.id from Comment c where c.emailKey = :email and c.createdAt > :since and c.staff = false";
        if (userIp == null || userIp.isEmpty()) {
            return !em.createQuery(byEmail, Long.class).setParameter("email", Comment.emailKey(email))
                    .setParameter("since", since).setMaxResults(1).getResultList().isEmpty();
        }
        return !em.createQuery("select c.id from Comment c where c.userIp = :ip and c.createdAt > :since and c.staff = false"
                        + " union all " + byEmail, Long.class)
                .setParameter("ip", userIp).setParameter("email", Comment.emailKey(email)).setParameter("since", since)
                .setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public boolean hasApproved(String email) {
        return !em.createQuery("select c.id from Comment c where c.emailKey = :email and c.status = :s", Long.class)
                .setParameter("s", CommentStatus.APPROVED).setParameter("email", Comment.emailKey(email))
                .setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public List<Comment> findDueForCheck(Instant now, int limit) {
        return em.createQuery("select c from Comment c where c.checkState = :w and c.nextCheckAt <= :now order by c.nextCheckAt",
                        Comment.class)
                .setParameter("w", CheckState.WAITING).setParameter("now", now).setMaxResults(limit).getResultList();
    }

    @Override
    public List<Comment> findPendingNotNotified(int limit) {
        return em.createQuery("select c from Comment c where c.status = :s and c.notified = false and c.checkState = :d"
                        + " order by c.createdAt", Comment.class)
                .setParameter("s", CommentStatus.PENDING).setParameter("d", CheckState.DONE)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public void delete(Comment comment) {
        em.createQuery("update Comment c set c.parentId = null where c.parentId = :id")
                .setParameter("id", comment.getId()).executeUpdate();
        em.remove(em.contains(comment) ? comment : em.merge(comment));
    }

    @Override
    public int deleteWithStatusBefore(CommentStatus status, Instant before) {
        List<Comment> old = em.createQuery("select c from Comment c where c.status = :s and c.updatedAt < :before", Comment.class)
                .setParameter("s", status).setParameter("before", before).getResultList();
        old.forEach(this::delete);
        return old.size();
    }

    @Override
    public DiscardedComment saveDiscard(DiscardedComment discarded) {
        em.persist(discarded);
        return discarded;
    }

    @Override
    public List<DiscardedComment> recentDiscards(int limit) {
        return em.createQuery("select d from DiscardedComment d order by d.discardedAt desc", DiscardedComment.class)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public int purgeDiscardsBefore(Instant before) {
        return em.createQuery("delete from DiscardedComment d where d.discardedAt < :before")
                .setParameter("before", before).executeUpdate();
    }

    @Override
    public Map<LocalDate, Long> countPerDay(Instant from, Instant to, Optional<CommentStatus> status) {
        String jpql = "select c.createdAt from Comment c where c.createdAt >= :from and c.createdAt < :to"
                + (status.isPresent() ? " and c.status = :s" : "");
        TypedQuery<Instant> q = em.createQuery(jpql, Instant.class).setParameter("from", from).setParameter("to", to);
        status.ifPresent(s -> q.setParameter("s", s));
        Map<LocalDate, Long> days = new TreeMap<>();
        for (Instant at : new ArrayList<>(q.getResultList())) {
            days.merge(LocalDate.ofInstant(at, ZoneOffset.UTC), 1L, Long::sum);
        }
        return days;
    }
}
