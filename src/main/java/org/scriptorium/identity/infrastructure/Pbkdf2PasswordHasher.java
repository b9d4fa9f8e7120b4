package org.scriptorium.identity.infrastructure;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import org.scriptorium.identity.application.PasswordHasher;

/** {@link PasswordHasher} with Jakarta Security's PBKDF2 (HMAC-SHA512, 210,000 iterations, 32-byte salt). */
@ApplicationScoped
public class Pbkdf2PasswordHasher implements PasswordHasher {

    private Pbkdf2PasswordHash pbkdf2;

    protected Pbkdf2PasswordHasher() {
    }

    @Inject
    public Pbkdf2PasswordHasher(Pbkdf2PasswordHash pbkdf2) {
        this.pbkdf2 = pbkdf2;
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32"));
    }

    @Override
    public String hash(char[] password) {
        return pbkdf2.generate(password);
    }

    @Override
    public boolean verify(char[] password, String hash) {
        try {
            return pbkdf2.verify(password, hash);
        } catch (RuntimeException malformedHash) {
            return false;
        }
    }
}
