package org.scriptorium.newsletter.domain;

import java.util.Optional;

/** The signup counters, locked for update when read so concurrent signups count correctly. */
public interface RateCounterRepository {

    Optional<RateCounter> findForUpdate(String key);

    RateCounter save(RateCounter counter);
}
