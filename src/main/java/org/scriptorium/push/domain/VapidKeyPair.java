package org.scriptorium.push.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The site's application server key pair for VAPID (RFC 8292): a P-256 key pair, the public key as the
 * uncompressed point and the private key as the 32-byte scalar, both base64url. Browsers bind each
 * subscription to the public key, so it is generated once, on first need, and kept for the life of the site:
 * changing it would orphan every subscription. There is only ever one row, with id 1.
 */
@Entity
@Table(name = "push_vapid_key")
public class VapidKeyPair {

    /** The id of the one row. */
    public static final int THE_ONE = 1;

    @Id
    private Integer id;

    @Column(name = "public_key", nullable = false, length = 200)
    private String publicKey;

    @Column(name = "private_key", nullable = false, length = 200)
    private String privateKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected VapidKeyPair() {
    }

    public VapidKeyPair(String publicKey, String privateKey, Instant createdAt) {
        this.id = THE_ONE;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.createdAt = createdAt;
    }

    public String getPublicKey() {
        return publicKey;
    }

    public String getPrivateKey() {
        return privateKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
