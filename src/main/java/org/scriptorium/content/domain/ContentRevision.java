package org.scriptorium.content.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/**
 * One revision of the content history kept by Hibernate Envers: created for every transaction that changes
 * an audited entity (an article translation), numbered in the order of the saves. The state of each
 * translation after the save is in {@code article_translation_aud}, keyed by this number.
 */
@Entity
@Table(name = "content_revision")
@RevisionEntity
public class ContentRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @RevisionNumber
    private Long id;

    @RevisionTimestamp
    @Column(name = "saved_at", nullable = false)
    private long savedAt;

    public Long getId() {
        return id;
    }

    public Instant getSavedAt() {
        return Instant.ofEpochMilli(savedAt);
    }
}
