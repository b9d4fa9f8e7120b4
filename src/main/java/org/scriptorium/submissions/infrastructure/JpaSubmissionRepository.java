package org.scriptorium.submissions.infrastructure;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.scriptorium.submissions.domain.Submission;
import org.scriptorium.submissions.domain.SubmissionRepository;
import org.scriptorium.submissions.domain.SubmissionStatus;

/** {@link SubmissionRepository} over JPA. */
@ApplicationScoped
public class JpaSubmissionRepository implements SubmissionRepository {

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    protected JpaSubmissionRepository() {
    }

    public JpaSubmissionRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Submission save(Submission submission) {
        if (submission.getId() == null) {
            em.persist(submission);
            return submission;
        }
        return em.merge(submission);
    }

    @Override
    public Optional<Submission> findById(long id) {
        return Optional.ofNullable(em.find(Submission.class, id));
    }

    @Override
    public Optional<Submission> findByToken(String token) {
        return em.createQuery("select s from Submission s where s.statusToken = :token", Submission.class)
                .setParameter("token", token).getResultStream().findFirst();
    }

    @Override
    public List<Submission> list(Optional<SubmissionStatus> status, Optional<String> text, int offset, int limit) {
        return filtered("select s from Submission s", status, text, " order by s.createdAt desc, s.id desc", Submission.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(Optional<SubmissionStatus> status, Optional<String> text) {
        return filtered("select count(s) from Submission s", status, text, "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> filtered(String select, Optional<SubmissionStatus> status, Optional<String> text,
                                       String order, Class<T> type) {
        StringBuilder q = new StringBuilder(select).append(" where 1 = 1");
        status.ifPresent(s -> q.append(" and s.status = :status"));
        text.ifPresent(t -> q.append(" and (lower(s.title) like :text escape '!' or lower(s.authorName) like :text escape '!'"
                + " or s.email like :text escape '!')"));
        TypedQuery<T> query = em.createQuery(q + order, type);
        status.ifPresent(s -> query.setParameter("status", s));
        text.ifPresent(t -> query.setParameter("text", "%" + t.toLowerCase(Locale.ROOT).replace("!", "!!")
                .replace("%", "!%").replace("_", "!_") + "%"));
        return query;
    }

    @Override
    public Map<SubmissionStatus, Long> countByStatus() {
        Map<SubmissionStatus, Long> counts = new EnumMap<>(SubmissionStatus.class);
        for (SubmissionStatus s : SubmissionStatus.values()) {
            counts.put(s, 0L);
        }
        for (Object[] row : em.createQuery("select s.status, count(s) from Submission s group by s.status", Object[].class)
                .getResultList()) {
            counts.put((SubmissionStatus) row[0], (Long) row[1]);
        }
        return counts;
    }

    @Override
    public long countFromAddressSince(String clientIp, Instant since) {
        return em.createQuery("select count(s) from Submission s where s.clientIp = :ip and s.createdAt >= :since", Long.class)
                .setParameter("ip", clientIp).setParameter("since", since).getSingleResult();
    }

    @Override
    public long countFromEmailSince(String email, Instant since) {
        return em.createQuery("select count(s) from Submission s where s.email = :email and s.createdAt >= :since", Long.class)
                .setParameter("email", email.strip().toLowerCase(Locale.ROOT)).setParameter("since", since).getSingleResult();
    }
}
