package org.scriptorium.identity.domain;

import java.util.Optional;

/** Access to failed-login counters. */
public interface LoginFailuresRepository {

    Optional<LoginFailures> find(String key);

    LoginFailures save(LoginFailures failures);

    void delete(String key);
}
