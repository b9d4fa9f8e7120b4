package org.scriptorium.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scriptorium.audit.application.AuditLog;
import org.scriptorium.audit.application.EntryPage;
import org.scriptorium.audit.domain.AuditEntry;
import org.scriptorium.audit.domain.AuditQuery;
import org.scriptorium.audit.infrastructure.JpaAuditEntryRepository;
import org.scriptorium.platform.audit.AuditEvent;
import org.scriptorium.testing.FreshDatabase;
import org.scriptorium.testing.MutableClock;

/** The audit log stores every event and browses it newest first, filtered and paged. */
class AuditLogTest {

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    private AuditLog log(EntityManager em) {
        return new AuditLog(new JpaAuditEntryRepository(em), clock);
    }

    @Test
    void eventsAreStoredAndBrowsedWithFiltersAndPages() {
        for (int i = 0; i < 7; i++) {
            int n = i;
            db.run(em -> log(em).record(new AuditEvent(n % 2 == 0 ? "ada@example.com" : "bob@example.com",
                    n < 5 ? "user.update" : "category.create", "user:" + n, "detail 100% " + n)));
            clock.set(clock.instant().plus(Duration.ofHours(1)));
        }
        EntryPage all = db.inTransaction(em -> log(em).browse(AuditQuery.everything(), 1, 3));
        assertThat(all.total()).isEqualTo(7);
        assertThat(all.pages()).isEqualTo(3);
        assertThat(all.entries()).extracting(AuditEntry::getTarget).containsExactly("user:6", "user:5", "user:4");
        assertThat(db.<EntryPage>inTransaction(em -> log(em).browse(AuditQuery.everything(), 99, 3)).page()).isEqualTo(3);

        AuditQuery byActor = new AuditQuery(Optional.of("ADA@example.com"), Optional.of("user."), Optional.empty(),
                Optional.empty(), Optional.empty());
        assertThat(db.<EntryPage>inTransaction(em -> log(em).browse(byActor, 1, 10)).entries())
                .extracting(AuditEntry::getTarget).containsExactly("user:4", "user:2", "user:0");
        AuditQuery byText = new AuditQuery(Optional.empty(), Optional.empty(), Optional.of("100% 3"), Optional.empty(),
                Optional.empty());
        assertThat(db.<EntryPage>inTransaction(em -> log(em).browse(byText, 1, 10)).total()).isEqualTo(1);
        AuditQuery byTime = new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Instant.parse("2026-03-01T12:00:00Z")), Optional.of(Instant.parse("2026-03-01T14:00:00Z")));
        assertThat(db.<EntryPage>inTransaction(em -> log(em).browse(byTime, 1, 10)).entries())
                .extracting(AuditEntry::getTarget).containsExactly("user:3", "user:2");
        assertThat(db.<List<String>>inTransaction(em -> log(em).actions())).containsExactly("category.create", "user.update");
    }

    @Test
    void overlongValuesAreCutRatherThanRefused() {
        db.run(em -> log(em).record(new AuditEvent("a".repeat(400), "x".repeat(150), "t".repeat(500), "d".repeat(5000))));
        AuditEntry e = db.inTransaction(em -> log(em).browse(AuditQuery.everything(), 1, 1).entries().get(0));
        assertThat(e.getActor()).hasSize(320);
        assertThat(e.getDetail()).hasSize(1000);
    }
}
