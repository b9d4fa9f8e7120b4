package org.scriptorium.newsletter.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.settings.application.SiteSettings;

/**
 * Signed links for subscribers. A confirmation token names the subscriber, a single-use nonce and an expiry
 * time; a management token (preferences, unsubscribe, one-click) names only the subscriber and does not expire,
 * since it sits in every e-mail ever sent. Both are HMAC-SHA256 signed with a secret kept as a site setting,
 * generated on first use, so every node signs alike.
 */
@ApplicationScoped
public class NewsletterTokens {

    static final String SECRET = "newsletter.secret";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private SiteSettings settings;
    private volatile byte[] key;

    /** A verified confirmation token. */
    public record Confirmation(long subscriberId, String nonce, Instant expires) {
    }

    protected NewsletterTokens() {
    }

    @Inject
    public NewsletterTokens(SiteSettings settings) {
        this.settings = settings;
    }

    public String confirmation(long subscriberId, String nonce, Instant expires) {
        return sign("c." + subscriberId + "." + nonce + "." + expires.getEpochSecond());
    }

    public String management(long subscriberId) {
        return sign("m." + subscriberId);
    }

    /** The confirmation a token carries, if its signature is right (expiry is the caller's check). */
    public Optional<Confirmation> readConfirmation(String token) {
        return verify(token).filter(p -> p.startsWith("c.")).flatMap(p -> {
            String[] parts = p.split("\\.");
            if (parts.length != 4) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Confirmation(Long.parseLong(parts[1]), parts[2], Instant.ofEpochSecond(Long.parseLong(parts[3]))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** The subscriber a management token names, if its signature is right. */
    public Optional<Long> readManagement(String token) {
        return verify(token).filter(p -> p.startsWith("m.")).flatMap(p -> {
            try {
                return Optional.of(Long.parseLong(p.substring(2)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** A fresh random nonce for a confirmation link. */
    public static String nonce() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return B64.encodeToString(b).replace('-', 'x').replace('_', 'y');
    }

    /** The SHA-256 of a normalised address, hex: the form in which erased addresses and rate keys are kept. */
    public static String hash(String email) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(String payload) {
        return payload + "." + B64.encodeToString(mac(payload));
    }

    private Optional<String> verify(String token) {
        if (token == null || token.length() > 300) {
            return Optional.empty();
        }
        int dot = token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(given, mac(payload)) ? Optional.of(payload) : Optional.empty();
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            String stored = settings.get(SECRET).orElse(null);
            if (stored == null) {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                stored = Base64.getEncoder().encodeToString(fresh);
                settings.put(SECRET, stored);
            }
            k = Base64.getDecoder().decode(stored);
            key = k;
        }
        return k;
    }
}
