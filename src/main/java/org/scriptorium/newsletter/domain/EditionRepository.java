package org.scriptorium.newsletter.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores and finds editions. */
public interface EditionRepository {

    Edition save(Edition edition);

    Optional<Edition> findById(long id);

    /** Every edition, newest first. */
    List<Edition> all();

    /** The edition whose sending started last, if any. */
    Optional<Edition> lastStarted();

    /** Scheduled editions whose time has come. */
    List<Edition> due(Instant now);

    /** Editions still sending (after a crash too). */
    List<Edition> sending();
}
