package org.scriptorium.identity.domain;

import java.util.List;
import java.util.Optional;

/** Access to back-office users. */
public interface UserRepository {

    Optional<User> findById(long id);

    /** Looks a user up by login name, whatever its case. */
    Optional<User> findByEmail(String email);

    Optional<User> findBySlug(String slug);

    List<User> findAll();

    long count();

    User save(User user);
}
