package org.scriptorium.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scriptorium.identity.application.LoginThrottle;
import org.scriptorium.identity.infrastructure.JpaLoginFailuresRepository;
import org.scriptorium.testing.FreshDatabase;

class LoginThrottleTest {

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase();
    private Instant now = Instant.parse("2026-03-01T12:00:00Z");

    private void withThrottle(Consumer<LoginThrottle> work) {
        db.run(em -> work.accept(new LoginThrottle(new JpaLoginFailuresRepository(em), Clock.fixed(now, ZoneOffset.UTC))));
    }

    private Optional<Duration> wait(String account, String ip) {
        Optional<Duration>[] result = new Optional[1];
        withThrottle(t -> result[0] = t.waitBeforeAttempt(account, ip));
        return result[0];
    }

    @Test
    void fiveFailuresAreFreeTheNextAttemptWaitsAndTheWaitDoubles() {
        for (int i = 0; i < 4; i++) {
            withThrottle(t -> t.recordFailure("Editor@Example.com", "10.0.0.1"));
        }
        assertThat(wait("editor@example.com", "10.0.0.2")).isEmpty();
        withThrottle(t -> t.recordFailure("editor@example.com", "10.0.0.1"));
        assertThat(wait("EDITOR@example.com ", "10.0.0.2")).contains(Duration.ofSeconds(2));
        withThrottle(t -> t.recordFailure("editor@example.com", "10.0.0.1"));
        assertThat(wait("editor@example.com", "10.0.0.3")).contains(Duration.ofSeconds(4));
        now = now.plusSeconds(4);
        assertThat(wait("editor@example.com", "10.0.0.3")).isEmpty();
    }

    @Test
    void anAddressThatFailsOnManyAccountsIsDelayedForAllOfThem() {
        for (int i = 0; i < 5; i++) {
            String account = "user" + i + "@example.com";
            withThrottle(t -> t.recordFailure(account, "192.0.2.9"));
        }
        assertThat(wait("someone-else@example.com", "192.0.2.9")).isPresent();
        assertThat(wait("someone-else@example.com", "192.0.2.10")).isEmpty();
    }

    @Test
    void unknownAndKnownAccountsAreCountedAlike() {
        for (int i = 0; i < 5; i++) {
            withThrottle(t -> t.recordFailure("ghost@example.com", "a"));
            withThrottle(t -> t.recordFailure("real@example.com", "b"));
        }
        assertThat(wait("ghost@example.com", "c")).isEqualTo(wait("real@example.com", "d"));
    }

    @Test
    void successClearsTheAccountAndOldFailuresAreForgotten() {
        for (int i = 0; i < 5; i++) {
            String ip = "x" + i;
            withThrottle(t -> t.recordFailure("a@example.com", ip));
        }
        withThrottle(t -> t.recordSuccess("a@example.com"));
        assertThat(wait("a@example.com", "y")).isEmpty();

        for (int i = 0; i < 5; i++) {
            String ip = "z" + i;
            withThrottle(t -> t.recordFailure("b@example.com", ip));
        }
        now = now.plus(Duration.ofHours(2));
        assertThat(wait("b@example.com", "q")).isEmpty();
        withThrottle(t -> t.recordFailure("b@example.com", "q"));
        assertThat(wait("b@example.com", "q2")).isEmpty();
    }

    @Test
    void theWaitIsCappedAtFifteenMinutes() {
        for (int i = 0; i < 40; i++) {
            withThrottle(t -> t.recordFailure("c@example.com", "w"));
        }
        assertThat(wait("c@example.com", "v")).contains(Duration.ofMinutes(15));
    }
}
