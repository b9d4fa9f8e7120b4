package org.scriptorium.comments.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Signed values for the stateless public comment form. A form token binds the translation the form belongs
 * to and the time it was rendered, signed with HMAC-SHA256; a forged or altered token, or one older than a
 * day, is refused (the CSRF defence of a form that has no session), and its time feeds the time trap. The
 * same key signs the cookie that lists a reader's own pending comments, so nobody can read another's
 * pending comment by editing the cookie.
 *
 * <p>The key is random, made on first use and kept in the site settings, so every node and every restart
 * accept the same tokens.
 */
@ApplicationScoped
public class FormTokens {

    /** How long a rendered form may be posted. */
    public static final Duration MAX_AGE = Duration.ofHours(24);
    private static final String SECRET = "secret";

    private CommentSettingsStore store;
    private Clock clock;
    private volatile byte[] key;

    protected FormTokens() {
    }

    @Inject
    public FormTokens(CommentSettingsStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A token for a form about a translation, rendered now. */
    public String issue(long translationId) {
        String payload = translationId + "." + clock.millis();
        return payload + "." + sign("form." + payload);
    }

    /** When the form was rendered, if the token is genuine, for this translation and not too old. */
    public Optional<Instant> verify(String token, long translationId) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3 || !parts[0].equals(String.valueOf(translationId))) {
            return Optional.empty();
        }
        if (!constantTimeEquals(sign("form." + parts[0] + "." + parts[1]), parts[2])) {
            return Optional.empty();
        }
        try {
            Instant issued = Instant.ofEpochMilli(Long.parseLong(parts[1]));
            Instant now = clock.instant();
            if (issued.isAfter(now.plusSeconds(60)) || issued.isBefore(now.minus(MAX_AGE))) {
                return Optional.empty();
            }
            return Optional.of(issued);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The signed cookie value listing comment ids (the last 20). */
    public String ownComments(Set<Long> ids) {
        List<Long> list = new ArrayList<>(ids);
        List<Long> last = list.subList(Math.max(0, list.size() - 20), list.size());
        String payload = String.join("-", last.stream().map(String::valueOf).toList());
        return payload + "." + sign("own." + payload);
    }

    /** The ids in a cookie value made by {@link #ownComments(Set)}; empty when forged. */
    public Set<Long> readOwnComments(String value) {
        Set<Long> ids = new LinkedHashSet<>();
        if (value == null) {
            return ids;
        }
        int dot = value.lastIndexOf('.');
        if (dot < 1 || !constantTimeEquals(sign("own." + value.substring(0, dot)), value.substring(dot + 1))) {
            return ids;
        }
        for (String id : value.substring(0, dot).split("-")) {
            try {
                ids.add(Long.parseLong(id));
            } catch (NumberFormatException e) {
                return new LinkedHashSet<>();
            }
        }
        return ids;
    }

    private String sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] sig = mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    String stored = store.internal(SECRET).orElse(null);
                    if (stored == null) {
                        byte[] fresh = new byte[32];
                        new SecureRandom().nextBytes(fresh);
                        stored = Base64.getEncoder().encodeToString(fresh);
                        store.putInternal(SECRET, stored);
                    }
                    key = Base64.getDecoder().decode(stored);
                }
                k = key;
            }
        }
        return k;
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
