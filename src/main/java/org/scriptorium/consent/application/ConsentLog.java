package org.scriptorium.consent.application;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.consent.domain.ConsentRecord;
import org.scriptorium.consent.domain.ConsentRecordRepository;
import org.scriptorium.platform.consent.ConsentErased;
import org.scriptorium.platform.consent.ConsentGiven;

/**
 * The consent log. It observes {@link ConsentGiven} synchronously, inside the transaction of the feature that
 * fired it, so a signup and the evidence of its consent are stored together or not at all.
 */
@ApplicationScoped
@Transactional
public class ConsentLog {

    private ConsentRecordRepository records;

    protected ConsentLog() {
    }

    @Inject
    public ConsentLog(ConsentRecordRepository records) {
        this.records = records;
    }

    /** Stores one consent. */
    public void record(@Observes ConsentGiven consent) {
        records.save(new ConsentRecord(consent.channel(), consent.subject(), consent.language(), consent.textVersion(),
                consent.clientIp(), consent.page(), consent.at()));
    }

    /** Every consent a subject gave through a channel, oldest first. */
    public List<ConsentRecord> of(String channel, String subject) {
        return records.bySubject(channel, subject);
    }

    /** Forgets a subject entirely (erasure on request). */
    public int erase(String subject) {
        return records.deleteBySubject(subject);
    }

    void erased(@Observes ConsentErased erasure) {
        erase(erasure.subject());
    }
}
