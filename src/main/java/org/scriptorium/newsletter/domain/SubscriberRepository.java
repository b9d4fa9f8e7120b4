package org.scriptorium.newsletter.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores and finds subscribers. */
public interface SubscriberRepository {

    Optional<Subscriber> findByEmail(String email);

    Optional<Subscriber> findById(long id);

    /** Those of the given (normalised) addresses that belong to a subscriber: one query for a batch of an import. */
    java.util.Set<String> existingEmails(java.util.Collection<String> emails);

    Subscriber save(Subscriber subscriber);

    void delete(Subscriber subscriber);

    /** Subscribers matching a filter, newest first. */
    List<Subscriber> search(SubscriberQuery query, int offset, int limit);

    long count(SubscriberQuery query);

    /** Subscribers with an id above {@code afterId}, by id: for exports that page through everything. */
    List<Subscriber> after(long afterId, int limit);

    /** Those of the given subscribers that are confirmed. */
    List<Long> confirmedAmong(java.util.Collection<Long> ids);

    /** How many subscribers are in each status. */
    java.util.Map<SubscriberStatus, Long> countByStatus();

    /**
     * How many subscribers were members (confirmed before the moment and not left by it) at each of the given
     * moments, per language: the list of a language holds one count per moment, in their order. Languages
     * with no member ever are absent. Counted by the database, so the cost does not grow with the list.
     */
    java.util.Map<String, List<Long>> membersAt(List<Instant> moments);
}
