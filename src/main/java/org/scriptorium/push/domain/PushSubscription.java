package org.scriptorium.push.domain;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One browser that agreed to receive notifications: the push service endpoint it was given, the keys that
 * encrypt messages for it (RFC 8291: the P-256 public key {@code p256dh} and the 16-byte {@code auth}
 * secret, both base64url) and the language of the page on which the reader said yes.
 *
 * <p>Lifecycle: created when a reader clicks "OK" and the browser subscribes; subscribing again from the same
 * browser (the same endpoint) renews the keys, the language and the consent time; removed when the reader
 * turns notifications off, or when the push service answers 404 or 410 for the endpoint (the browser dropped
 * the subscription).
 */
@Entity
@Table(name = "push_subscription")
public class PushSubscription {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 1000)
    private String endpoint;

    @Column(nullable = false, length = 200)
    private String p256dh;

    @Column(nullable = false, length = 100)
    private String auth;

    @Column(nullable = false, length = 10)
    private String language;

    @Column(name = "consented_at", nullable = false)
    private Instant consentedAt;

    @Column(name = "last_delivered_at")
    private Instant lastDeliveredAt;

    protected PushSubscription() {
    }

    public PushSubscription(String endpoint, String p256dh, String auth, String language, Instant consentedAt) {
        this.endpoint = Objects.requireNonNull(endpoint);
        renew(p256dh, auth, language, consentedAt);
    }

    /** The same browser subscribed again: new keys, perhaps another language, a new consent. */
    public void renew(String newP256dh, String newAuth, String newLanguage, Instant at) {
        this.p256dh = Objects.requireNonNull(newP256dh);
        this.auth = Objects.requireNonNull(newAuth);
        this.language = Objects.requireNonNull(newLanguage);
        this.consentedAt = Objects.requireNonNull(at);
    }

    public void delivered(Instant at) {
        this.lastDeliveredAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public String getP256dh() {
        return p256dh;
    }

    public String getAuth() {
        return auth;
    }

    public String getLanguage() {
        return language;
    }

    public Instant getConsentedAt() {
        return consentedAt;
    }

    public Instant getLastDeliveredAt() {
        return lastDeliveredAt;
    }
}
