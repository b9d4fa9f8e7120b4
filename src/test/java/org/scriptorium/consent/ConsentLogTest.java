package org.scriptorium.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scriptorium.consent.application.ConsentLog;
import org.scriptorium.consent.domain.ConsentRecord;
import org.scriptorium.consent.infrastructure.JpaConsentRecordRepository;
import org.scriptorium.platform.consent.ConsentGiven;
import org.scriptorium.testing.FreshDatabase;

/** Every consent event becomes a stored record with its evidence; erasure removes a subject's records. */
class ConsentLogTest {

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase();

    @Test
    void aConsentIsStoredWithTimeAddressTextVersionAndPage() {
        Instant at = Instant.parse("2026-11-27T10:15:30.123456Z");
        db.run(em -> new ConsentLog(new JpaConsentRecordRepository(em)).record(new ConsentGiven("newsletter",
                "lectrice@example.org", "fr", "newsletter-1", "203.0.113.9", "/fr/un-article", at)));
        db.run(em -> new ConsentLog(new JpaConsentRecordRepository(em)).record(new ConsentGiven("push",
                "lectrice@example.org", "fr", "push-1", "203.0.113.9", "/fr/", at)));

        var records = db.inTransaction(em -> new ConsentLog(new JpaConsentRecordRepository(em)).of("newsletter", "lectrice@example.org"));
        assertThat(records).hasSize(1);
        ConsentRecord r = records.get(0);
        assertThat(r.getLanguage()).isEqualTo("fr");
        assertThat(r.getTextVersion()).isEqualTo("newsletter-1");
        assertThat(r.getClientIp()).isEqualTo("203.0.113.9");
        assertThat(r.getPage()).isEqualTo("/fr/un-article");
        assertThat(r.getGivenAt()).isEqualTo(at);

        int erased = db.inTransaction(em -> new ConsentLog(new JpaConsentRecordRepository(em)).erase("lectrice@example.org"));
        assertThat(erased).isEqualTo(2);
    }
}
