package org.scriptorium.identity.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.identity.domain.LoginFailures;
import org.scriptorium.identity.domain.LoginFailuresRepository;
import org.scriptorium.identity.domain.User;

/**
 * Slows down password guessing. Failures are counted per account name and per client address; after
 * {@value #FREE_ATTEMPTS} failures on either, every further attempt must wait, twice as long after each new
 * failure (2 s, 4 s, 8 s ... up to 15 minutes). The counting is the same whether or not the account exists,
 * so the answer never tells an attacker which names are real. Counters are forgotten an hour after the
 * last failure; a successful login clears the account's counter.
 */
@ApplicationScoped
@Transactional
public class LoginThrottle {

    public static final int FREE_ATTEMPTS = 5;
    static final Duration BASE_DELAY = Duration.ofSeconds(2);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    static final Duration MEMORY = Duration.ofHours(1);

    private LoginFailuresRepository failures;
    private Clock clock;

    protected LoginThrottle() {
    }

    @Inject
    public LoginThrottle(LoginFailuresRepository failures, Clock clock) {
        this.failures = failures;
        this.clock = clock;
    }

    /** How long the caller must still wait before an attempt for this account from this address is checked. */
    public Optional<Duration> waitBeforeAttempt(String account, String address) {
        Instant now = clock.instant();
        return keys(account, address).stream()
                .map(failures::find)
                .flatMap(Optional::stream)
                .filter(f -> !f.isExpired(now, MEMORY))
                .map(f -> remaining(f, now))
                .filter(d -> !d.isNegative() && !d.isZero())
                .max(Duration::compareTo);
    }

    public void recordFailure(String account, String address) {
        Instant now = clock.instant();
        for (String key : keys(account, address)) {
            LoginFailures f = failures.find(key).orElse(null);
            if (f == null) {
                failures.save(new LoginFailures(key, now));
            } else {
                f.recordFailure(now, MEMORY);
                failures.save(f);
            }
        }
    }

    public void recordSuccess(String account) {
        failures.delete(accountKey(account));
    }

    static Duration delayAfter(int failureCount) {
        if (failureCount < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failureCount - FREE_ATTEMPTS, 20);
        Duration d = BASE_DELAY.multipliedBy(1L << doublings);
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }

    private static Duration remaining(LoginFailures f, Instant now) {
        Instant allowedAt = f.getLastFailureAt().plus(delayAfter(f.getFailures()));
        return Duration.between(now, allowedAt);
    }

    private static List<String> keys(String account, String address) {
        return List.of(accountKey(account), "ip:" + address);
    }

    private static String accountKey(String account) {
        String normalized = User.normalizeEmail(account);
        return "account:" + (normalized.length() > 320 ? normalized.substring(0, 320) : normalized);
    }
}
