package org.scriptorium.push.domain;

import java.util.List;
import java.util.Optional;

/** Access to announced push messages and their counters. */
public interface PushMessageRepository {

    PushMessage save(PushMessage message);

    Optional<PushMessage> findById(long id);

    boolean existsForTranslation(long translationId);

    /** Messages whose audience is not yet fully turned into deliveries, oldest first. */
    List<PushMessage> findNotFannedOut(int limit);

    /** The latest messages, newest first, for the back office. */
    List<PushMessage> findLatest(int limit);

    /** Counts one finished delivery, atomically (several nodes may count at once). */
    void count(long messageId, Outcome outcome);

    /** How a delivery ended, for the counters. */
    enum Outcome {
        SENT, FAILED, REMOVED
    }
}
