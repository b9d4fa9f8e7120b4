package org.scriptorium.newsletter.domain;

/** The hashes of erased addresses. */
public interface SuppressionRepository {

    boolean contains(String emailHash);

    /** Those of the given hashes that are suppressed: one query for a batch of an import. */
    java.util.Set<String> containedAmong(java.util.Collection<String> emailHashes);

    void add(Suppression suppression);

    void remove(String emailHash);
}
