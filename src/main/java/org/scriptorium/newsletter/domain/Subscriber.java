package org.scriptorium.newsletter.domain;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A newsletter subscriber: one e-mail address, the language of everything they receive, and the evidence of
 * their consent (when, from which address, to which version of the consent text, on which page).
 *
 * <p>Lifecycle: created {@link SubscriberStatus#PENDING} by a signup, with a fresh confirmation nonce that the
 * signed link carries; following the link makes it {@link SubscriberStatus#CONFIRMED} and clears the nonce, so
 * the link works once. A new signup of a pending address issues a new nonce (the old link stops working). An
 * unsubscribe makes it {@link SubscriberStatus#UNSUBSCRIBED}; a later signup and confirmation subscribe it again.
 * A permanent delivery failure makes it {@link SubscriberStatus#BOUNCED}. Erasure deletes the row and leaves a
 * hashed {@link Suppression} behind.
 */
@Entity
@Table(name = "newsletter_subscriber")
public class Subscriber {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "email", nullable = false, unique = true, length = 254)
    private String email;

    @Column(name = "language", nullable = false, length = 10)
    private String language;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private SubscriberStatus status;

    @Column(name = "confirm_nonce", length = 40)
    private String confirmNonce;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "left_at")
    private Instant leftAt;

    @Column(name = "consent_at")
    private Instant consentAt;

    @Column(name = "consent_ip", length = 64)
    private String consentIp;

    @Column(name = "consent_text_version", length = 40)
    private String consentTextVersion;

    @Column(name = "consent_page", length = 500)
    private String consentPage;

    @Column(name = "source", nullable = false, length = 20)
    private String source;

    @Column(name = "last_error", length = 500)
    private String lastError;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Subscriber() {
    }

    public Subscriber(String email, String language, String source, Instant now) {
        this.email = email;
        this.language = language;
        this.source = source;
        this.status = SubscriberStatus.PENDING;
        this.createdAt = now;
    }

    /** Records the consent given with a signup and asks for a (new) confirmation. */
    public void signedUp(String newNonce, String ip, String textVersion, String page, Instant now) {
        this.consentAt = now;
        this.consentIp = cut(ip, 64);
        this.consentTextVersion = cut(textVersion, 40);
        this.consentPage = cut(page, 500);
        if (status != SubscriberStatus.CONFIRMED) {
            this.status = SubscriberStatus.PENDING;
            this.confirmNonce = newNonce;
        }
    }

    /** Asks for a confirmation without a recorded consent (an import without consent). */
    public void awaitConfirmation(String newNonce) {
        this.status = SubscriberStatus.PENDING;
        this.confirmNonce = newNonce;
    }

    /** Whether a confirmation link carrying this nonce is (still) valid. */
    public boolean acceptsNonce(String nonce) {
        return status == SubscriberStatus.PENDING && confirmNonce != null && confirmNonce.equals(nonce);
    }

    /** Confirms the subscription; the nonce is used up. */
    public void confirm(Instant now) {
        this.status = SubscriberStatus.CONFIRMED;
        this.confirmNonce = null;
        this.confirmedAt = now;
        this.leftAt = null;
        this.lastError = null;
    }

    /** Confirmed through an import whose consent was obtained elsewhere. */
    public void importedWithConsent(String textVersion, Instant consentAt, Instant now) {
        this.consentTextVersion = cut(textVersion, 40);
        this.consentAt = consentAt;
        this.consentPage = "import";
        confirm(now);
    }

    public void unsubscribe(Instant now) {
        if (status != SubscriberStatus.UNSUBSCRIBED) {
            this.status = SubscriberStatus.UNSUBSCRIBED;
            this.leftAt = now;
            this.confirmNonce = null;
        }
    }

    public void bounced(String error, Instant now) {
        this.status = SubscriberStatus.BOUNCED;
        this.lastError = cut(error, 500);
        this.leftAt = now;
    }

    public void changeLanguage(String newLanguage) {
        this.language = newLanguage;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getLanguage() {
        return language;
    }

    public SubscriberStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Optional<Instant> getConfirmedAt() {
        return Optional.ofNullable(confirmedAt);
    }

    public Optional<Instant> getLeftAt() {
        return Optional.ofNullable(leftAt);
    }

    public Optional<Instant> getConsentAt() {
        return Optional.ofNullable(consentAt);
    }

    public String getConsentIp() {
        return consentIp;
    }

    public String getConsentTextVersion() {
        return consentTextVersion;
    }

    public String getConsentPage() {
        return consentPage;
    }

    public String getSource() {
        return source;
    }

    public String getLastError() {
        return lastError;
    }
}
