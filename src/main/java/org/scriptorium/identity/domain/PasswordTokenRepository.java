package org.scriptorium.identity.domain;

import java.util.List;
import java.util.Optional;

/** Access to invitation and reset tokens, by the hash of their secret. */
public interface PasswordTokenRepository {

    PasswordToken save(PasswordToken token);

    Optional<PasswordToken> findByHash(String tokenHash);

    List<PasswordToken> findByUser(long userId);
}
