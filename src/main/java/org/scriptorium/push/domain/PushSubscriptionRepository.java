package org.scriptorium.push.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Access to the readers' push subscriptions. */
public interface PushSubscriptionRepository {

    PushSubscription save(PushSubscription subscription);

    Optional<PushSubscription> findById(long id);

    Optional<PushSubscription> findByEndpoint(String endpoint);

    /** Deletes the subscription and every delivery still waiting for it. */
    void delete(PushSubscription subscription);

    /**
     * Subscriptions of a language with an id above {@code afterId} that consented at or before {@code until},
     * by id: the next slice of a message's audience.
     */
    List<PushSubscription> findAudience(String language, Instant until, long afterId, int limit);

    long count();

    long countByLanguage(String language);

    /** Subscription counts per language; languages without any are absent. */
    Map<String, Long> countPerLanguage();
}
