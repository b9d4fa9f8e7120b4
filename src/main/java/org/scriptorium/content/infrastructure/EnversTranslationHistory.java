package org.scriptorium.content.infrastructure;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.scriptorium.content.domain.ArticleTranslation;
import org.scriptorium.content.domain.ContentRevision;
import org.scriptorium.content.domain.TranslationHistory;
import org.scriptorium.content.domain.TranslationRevision;

/** {@link TranslationHistory} read from the Hibernate Envers audit tables. */
@ApplicationScoped
public class EnversTranslationHistory implements TranslationHistory {

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    protected EnversTranslationHistory() {
    }

    public EnversTranslationHistory(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<TranslationRevision> revisions(long translationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = reader().createQuery().forRevisionsOfEntity(ArticleTranslation.class, false, false)
                .add(AuditEntity.id().eq(translationId))
                .addOrder(AuditEntity.revisionNumber().desc())
                .getResultList();
        return rows.stream().map(EnversTranslationHistory::toRevision).toList();
    }

    @Override
    public Optional<TranslationRevision> revision(long translationId, long number) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = reader().createQuery().forRevisionsOfEntity(ArticleTranslation.class, false, false)
                .add(AuditEntity.id().eq(translationId))
                .add(AuditEntity.revisionNumber().eq(number))
                .getResultList();
        return rows.stream().findFirst().map(EnversTranslationHistory::toRevision);
    }

    private AuditReader reader() {
        return AuditReaderFactory.get(em);
    }

    private static TranslationRevision toRevision(Object[] row) {
        ArticleTranslation t = (ArticleTranslation) row[0];
        ContentRevision rev = (ContentRevision) row[1];
        RevisionType type = (RevisionType) row[2];
        if (type == RevisionType.DEL) {
            return new TranslationRevision(rev.getId(), rev.getSavedAt(), "", 0, "", "", "", "", "", "", null);
        }
        return new TranslationRevision(rev.getId(), rev.getSavedAt(), t.getUpdatedBy().orElse(""), t.getRevision(),
                t.getTitle(), t.getSlug(), t.getExcerpt(), t.getBody(), t.getSeoTitle(), t.getSeoDescription(),
                t.getStatus());
    }
}
