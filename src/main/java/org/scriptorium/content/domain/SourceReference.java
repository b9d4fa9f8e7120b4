package org.scriptorium.content.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * Which translation, at which revision, another translation was made from, with a fingerprint of each of
 * the source's fields at that moment. Comparing the fingerprint with the source's current fields tells,
 * field by field, whether the translation is outdated.
 */
@Embeddable
public class SourceReference {

    @ManyToOne
    @JoinColumn(name = "translated_from_id")
    private ArticleTranslation translation;

    @Column(name = "translated_from_revision")
    private Integer revision;

    @Column(name = "source_fingerprint", length = 500)
    private String fingerprint;

    protected SourceReference() {
    }

    public SourceReference(ArticleTranslation source) {
        this.translation = source;
        this.revision = source.getRevision();
        this.fingerprint = source.fingerprint().encode();
    }

    public ArticleTranslation getTranslation() {
        return translation;
    }

    public Integer getRevision() {
        return revision;
    }

    public FieldFingerprint getFingerprint() {
        return FieldFingerprint.decode(fingerprint);
    }
}
