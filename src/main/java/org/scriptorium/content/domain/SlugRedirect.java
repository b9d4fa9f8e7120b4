package org.scriptorium.content.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A slug that was once in use, and what it pointed to: for an article, the translation's id. The public
 * site answers an old slug with a permanent redirect to the target's current slug, so links shared before
 * a rename keep working. Redirects are kept forever; if the old slug is taken again by new content, the
 * new content wins and the redirect is removed.
 */
@Entity
@Table(name = "slug_redirect")
public class SlugRedirect {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SlugKind kind;

    @Column(nullable = false, length = 10)
    private String language;

    @Column(name = "old_slug", nullable = false, length = 200)
    private String oldSlug;

    @Column(name = "target_id", nullable = false)
    private long targetId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SlugRedirect() {
    }

    public SlugRedirect(SlugKind kind, String language, String oldSlug, long targetId, Instant createdAt) {
        this.kind = kind;
        this.language = language;
        this.oldSlug = oldSlug;
        this.targetId = targetId;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public SlugKind getKind() {
        return kind;
    }

    public String getLanguage() {
        return language;
    }

    public String getOldSlug() {
        return oldSlug;
    }

    public long getTargetId() {
        return targetId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
