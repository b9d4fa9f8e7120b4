package org.scriptorium.consent.domain;

import java.util.List;

/** Stores and finds consent records. */
public interface ConsentRecordRepository {

    ConsentRecord save(ConsentRecord record);

    /** The records of one subject in one channel, oldest first. */
    List<ConsentRecord> bySubject(String channel, String subject);

    /** Deletes every record of a subject (erasure on request); returns how many. */
    int deleteBySubject(String subject);
}
