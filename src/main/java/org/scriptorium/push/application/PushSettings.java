package org.scriptorium.push.application;

import java.time.Duration;

import org.scriptorium.push.domain.EndpointPolicy;

/**
 * How push delivery behaves; each value has a MicroProfile Config key (and so an environment variable).
 *
 * @param endpoints   {@code scriptorium.push.endpoints}: the push services subscriptions may point to
 *                    (see {@link EndpointPolicy})
 * @param subject     {@code scriptorium.push.subject}: the VAPID contact, a {@code mailto:} or {@code https:} URL
 * @param retryBase   {@code scriptorium.push.retry.seconds}: the pause after the first failed attempt; each
 *                    further failure doubles it, up to an hour
 * @param maxAttempts {@code scriptorium.push.max.attempts}: after this many failed attempts a delivery counts
 *                    as failed
 * @param timeToLive  {@code scriptorium.push.ttl.seconds}: how long the push service keeps a message for a
 *                    browser that is offline
 */
public record PushSettings(EndpointPolicy endpoints, String subject, Duration retryBase, int maxAttempts,
                           Duration timeToLive) {

    public static final String ENDPOINTS = "scriptorium.push.endpoints";
    public static final String SUBJECT = "scriptorium.push.subject";
    public static final String RETRY_SECONDS = "scriptorium.push.retry.seconds";
    public static final String MAX_ATTEMPTS = "scriptorium.push.max.attempts";
    public static final String TTL_SECONDS = "scriptorium.push.ttl.seconds";

    /** The longest pause between two attempts. */
    public static final Duration MAX_PAUSE = Duration.ofHours(1);

    public PushSettings {
        if (retryBase.isNegative() || retryBase.isZero() || maxAttempts < 1 || timeToLive.isNegative()) {
            throw new IllegalArgumentException("Push retry settings must be positive");
        }
    }

    /** The defaults: the browsers' push services, 30 s doubling, 10 attempts, a day to live. */
    public static PushSettings defaults(String subject) {
        return new PushSettings(EndpointPolicy.of(EndpointPolicy.DEFAULT), subject, Duration.ofSeconds(30), 10,
                Duration.ofDays(1));
    }

    /** The pause after the given number of failed attempts (1 for the first). */
    public Duration pauseAfter(int failedAttempts) {
        Duration pause = retryBase;
        for (int i = 1; i < failedAttempts && pause.compareTo(MAX_PAUSE) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
    }
}
