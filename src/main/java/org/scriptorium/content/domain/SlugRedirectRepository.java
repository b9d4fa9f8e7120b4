package org.scriptorium.content.domain;

import java.util.Optional;

/** Access to the slug history. */
public interface SlugRedirectRepository {

    SlugRedirect save(SlugRedirect redirect);

    Optional<SlugRedirect> find(SlugKind kind, String language, String oldSlug);

    void delete(SlugRedirect redirect);
}
