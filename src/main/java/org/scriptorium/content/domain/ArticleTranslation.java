package org.scriptorium.content.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

/**
 * The text of an article in one language, with its own slug, SEO fields and publication status.
 *
 * <p>Lifecycle: created as a DRAFT; published now (PUBLISHED with a publish time of now), or scheduled
 * (SCHEDULED with a future publish time, published by the scheduler when it comes); unpublished
 * (UNPUBLISHED) to take it off the site while keeping the text. Each change to a translatable field raises
 * the revision by one. A translation made from another records its {@link SourceReference}, so that a later
 * change of the source marks it outdated, field by field. The slug is unique within the language; the
 * previous slug is kept by the application as a redirect whenever it changes.
 *
 * <p>Every stored change is kept by Hibernate Envers as a revision (the text, slug, status and who saved
 * it), from which any earlier text can be compared and restored. When the source's text changes after this
 * translation was made from it, the changed fields are recorded here ({@link #markOutdated(Set)}) until a
 * translator brings it up to date ({@link #markUpToDate()}).
 */
@Entity
@Audited
@Table(name = "article_translation")
public class ArticleTranslation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotAudited
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "article_id")
    private Article article;

    @Column(nullable = false, length = 10)
    private String language;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(nullable = false, length = 200)
    private String slug;

    @Column(length = 1000)
    private String excerpt;

    @Column(nullable = false, length = 1_000_000)
    private String body;

    @Column(name = "seo_title", length = 200)
    private String seoTitle;

    @Column(name = "seo_description", length = 400)
    private String seoDescription;

    @Column(name = "featured_image_alt", length = 300)
    private String featuredImageAlt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private PublicationStatus status = PublicationStatus.DRAFT;

    @Column(name = "publish_at")
    private Instant publishAt;

    @Column(nullable = false)
    private int revision = 1;

    @NotAudited
    @Embedded
    private SourceReference source;

    @NotAudited
    @Column(name = "outdated_fields", length = 200)
    private String outdatedFields;

    @Column(name = "updated_by", length = 320)
    private String updatedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ArticleTranslation() {
    }

    ArticleTranslation(Article article, String language, String title, String slug, String body, Instant at) {
        this.article = article;
        this.language = language;
        this.title = title;
        this.slug = slug;
        this.body = body;
        this.createdAt = at;
        this.updatedAt = at;
    }

    /** Replaces the translatable text; raises the revision when anything actually changed. */
    public void edit(String title, String excerpt, String body, String seoTitle, String seoDescription, Instant at) {
        FieldFingerprint before = fingerprint();
        this.title = title;
        this.excerpt = excerpt;
        this.body = body;
        this.seoTitle = seoTitle;
        this.seoDescription = seoDescription;
        if (!before.changedFields(fingerprint()).isEmpty()) {
            revision++;
            touch(at);
        }
    }

    /** Changes the slug; returns the previous one when it differs, for the caller to keep as a redirect. */
    public Optional<String> changeSlug(String newSlug, Instant at) {
        if (Objects.equals(slug, newSlug)) {
            return Optional.empty();
        }
        String old = slug;
        slug = newSlug;
        touch(at);
        return Optional.of(old);
    }

    public void describeImage(String alt) {
        this.featuredImageAlt = alt;
    }

    public void publish(Instant now) {
        status = PublicationStatus.PUBLISHED;
        if (publishAt == null || publishAt.isAfter(now)) {
            publishAt = now;
        }
        touch(now);
    }

    /** Publishes at a given time: SCHEDULED if the time is in the future, PUBLISHED otherwise. */
    public void publishAt(Instant when, Instant now) {
        publishAt = when;
        status = when.isAfter(now) ? PublicationStatus.SCHEDULED : PublicationStatus.PUBLISHED;
        touch(now);
    }

    public void unpublish(Instant now) {
        status = PublicationStatus.UNPUBLISHED;
        touch(now);
    }

    /** Records that this translation was made from, or brought up to date with, another. */
    public void translatedFrom(ArticleTranslation sourceTranslation) {
        this.source = new SourceReference(sourceTranslation);
        this.outdatedFields = null;
    }

    /** Names who saved this translation last (their login e-mail); kept in each revision. */
    public void savedBy(String email) {
        this.updatedBy = email;
    }

    /**
     * Compares the source's current text with the fingerprint taken when this translation was made and
     * records the fields that differ; no difference clears the mark.
     *
     * @return the fields now outdated (empty when up to date or not a translation of another)
     */
    public Set<String> checkAgainstSource() {
        if (source == null || source.getTranslation() == null) {
            return Set.of();
        }
        Set<String> changed = source.getFingerprint().changedFields(source.getTranslation().fingerprint());
        markOutdated(changed);
        return changed;
    }

    /** Records which of the source's fields changed since this translation was made; empty clears the mark. */
    public void markOutdated(Set<String> fields) {
        this.outdatedFields = fields.isEmpty() ? null : String.join(",", new TreeSet<>(fields));
    }

    /** Takes the source's current text as the new reference: the translation is up to date again. */
    public void markUpToDate() {
        if (source != null && source.getTranslation() != null) {
            translatedFrom(source.getTranslation());
        }
        this.outdatedFields = null;
    }

    /** The source fields that changed since this translation was made from it; empty when up to date. */
    public Set<String> getOutdatedFields() {
        if (outdatedFields == null || outdatedFields.isEmpty()) {
            return Set.of();
        }
        return new TreeSet<>(Set.of(outdatedFields.split(",")));
    }

    public boolean isOutdated() {
        return outdatedFields != null && !outdatedFields.isEmpty();
    }

    public Optional<String> getUpdatedBy() {
        return Optional.ofNullable(updatedBy);
    }

    /** Whether readers can see this translation at the given time. */
    public boolean isVisibleAt(Instant now) {
        return status == PublicationStatus.PUBLISHED && publishAt != null && !publishAt.isAfter(now);
    }

    public FieldFingerprint fingerprint() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("excerpt", excerpt);
        fields.put("body", body);
        fields.put("seoTitle", seoTitle);
        fields.put("seoDescription", seoDescription);
        return FieldFingerprint.of(fields);
    }

    private void touch(Instant at) {
        this.updatedAt = at;
        article.touch(at);
    }

    public Long getId() {
        return id;
    }

    public Article getArticle() {
        return article;
    }

    public String getLanguage() {
        return language;
    }

    public String getTitle() {
        return title;
    }

    public String getSlug() {
        return slug;
    }

    public String getExcerpt() {
        return excerpt;
    }

    public String getBody() {
        return body;
    }

    public String getSeoTitle() {
        return seoTitle;
    }

    public String getSeoDescription() {
        return seoDescription;
    }

    public String getFeaturedImageAlt() {
        return featuredImageAlt;
    }

    public PublicationStatus getStatus() {
        return status;
    }

    public Optional<Instant> getPublishAt() {
        return Optional.ofNullable(publishAt);
    }

    public int getRevision() {
        return revision;
    }

    public Optional<SourceReference> getSource() {
        return Optional.ofNullable(source);
    }

    /** The optimistic-lock version: rises with every stored change. */
    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
