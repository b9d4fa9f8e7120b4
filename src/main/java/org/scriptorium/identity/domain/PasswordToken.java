package org.scriptorium.identity.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A link that lets someone set a user's password without knowing the current one: sent by e-mail when an
 * administrator invites a user, or when a user asks for a reset.
 *
 * <p>Lifecycle: issued with an expiry, used at most once, then kept (used) until it no longer matters. Only a
 * SHA-256 hash of the secret is stored, so a copy of the database does not let anyone reset passwords.
 * Issuing a new token for a user does not need to revoke older ones: a successful use revokes all tokens of
 * that user.
 */
@Entity
@Table(name = "password_token")
public class PasswordToken {

    /** Why the token was issued; an invitation lives longer than a reset. */
    public enum Purpose {
        INVITATION, RESET
    }

    @Id
    @Column(name = "token_hash", length = 100)
    private String tokenHash;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Purpose purpose;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected PasswordToken() {
    }

    public PasswordToken(String tokenHash, long userId, Purpose purpose, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.purpose = purpose;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Whether the token may still be used at this instant: not used and not expired. */
    public boolean isUsableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    public void markUsed(Instant now) {
        if (usedAt == null) {
            usedAt = now;
        }
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public long getUserId() {
        return userId;
    }

    public Purpose getPurpose() {
        return purpose;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
