package org.scriptorium.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.scriptorium.newsletter.application.ActiveSends;

/** One sending job per edition in a process, and a job that stopped renewing its lease does not block the next. */
class ActiveSendsTest {

    @Test
    void aSecondJobForTheSameEditionIsRefusedWhileTheFirstWorks() {
        ActiveSends active = new ActiveSends();
        ActiveSends.Lease first = active.begin(7).orElseThrow();
        assertThat(active.begin(7)).isEmpty();
        assertThat(active.isRunning(7)).isTrue();
        assertThat(active.begin(8)).as("another edition").isPresent();
        active.end(first);
        assertThat(active.isRunning(7)).isFalse();
        assertThat(active.begin(7)).isPresent();
    }

    @Test
    void aLeaseNotRenewedInTimeIsTakenOverAndTheOldJobsEndLeavesTheNewOne() throws Exception {
        ActiveSends active = new ActiveSends(Duration.ofMillis(200));
        ActiveSends.Lease stuck = active.begin(7).orElseThrow();
        Thread.sleep(300);
        assertThat(active.isRunning(7)).as("a job that stopped renewing").isFalse();
        ActiveSends.Lease next = active.begin(7).orElseThrow();
        assertThat(active.holds(stuck)).isFalse();
        assertThat(active.holds(next)).isTrue();
        active.end(stuck);
        assertThat(active.isRunning(7)).as("the old job's close leaves the new lease").isTrue();
    }

    @Test
    void renewingKeepsALeaseAlive() throws Exception {
        ActiveSends active = new ActiveSends(Duration.ofMillis(300));
        ActiveSends.Lease lease = active.begin(7).orElseThrow();
        for (int i = 0; i < 5; i++) {
            Thread.sleep(100);
            active.renew(7);
        }
        assertThat(active.isRunning(7)).isTrue();
        assertThat(active.begin(7)).isEmpty();
        assertThat(active.holds(lease)).isTrue();
    }
}
