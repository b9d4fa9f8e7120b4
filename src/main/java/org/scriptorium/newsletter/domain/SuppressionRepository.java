package org.scriptorium.newsletter.domain;

/** The hashes of erased addresses. */
public interface SuppressionRepository {

    boolean contains(String emailHash);

    void add(Suppression suppression);

    void remove(String emailHash);
}
