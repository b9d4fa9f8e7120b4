package org.scriptorium.newsletter.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What remains of an erased subscriber: the SHA-256 of the address, nothing else, so that an import cannot
 * bring the address back by mistake while the address itself is gone. A new signup by the person (with a new
 * consent) lifts it.
 *
 * <p>Lifecycle: created on erasure; deleted when the same address signs up again by itself.
 */
@Entity
@Table(name = "newsletter_suppression")
public class Suppression {

    @Id
    @Column(name = "email_hash", length = 64)
    private String emailHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Suppression() {
    }

    public Suppression(String emailHash, Instant createdAt) {
        this.emailHash = emailHash;
        this.createdAt = createdAt;
    }

    public String getEmailHash() {
        return emailHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
