package org.scriptorium.push.application;

import java.time.Duration;
import java.util.Optional;

/**
 * What the push service answered to one message.
 *
 * @param httpStatus the HTTP status, or 0 when no answer came
 * @param retryAfter the pause the service asked for, if any
 */
public record DeliveryResult(Status status, int httpStatus, Optional<Duration> retryAfter, String detail) {

    /** What to do next. */
    public enum Status {
        /** Accepted (201). */
        DELIVERED,
        /** The subscription no longer exists (404, 410): forget it. */
        GONE,
        /** Try again later (no answer, 429, 5xx). */
        RETRY,
        /** Refused for good (other 4xx: bad keys, too large, bad VAPID). */
        REJECTED
    }

    /** Classifies an HTTP answer. */
    public static DeliveryResult of(int httpStatus, Optional<Duration> retryAfter, String detail) {
        Status status;
        if (httpStatus >= 200 && httpStatus < 300) {
            status = Status.DELIVERED;
        } else if (httpStatus == 404 || httpStatus == 410) {
            status = Status.GONE;
        } else if (httpStatus == 429 || httpStatus >= 500 || httpStatus == 408) {
            status = Status.RETRY;
        } else {
            status = Status.REJECTED;
        }
        return new DeliveryResult(status, httpStatus, retryAfter, detail);
    }

    /** No answer at all (connection refused, time-out). */
    public static DeliveryResult unreachable(String detail) {
        return new DeliveryResult(Status.RETRY, 0, Optional.empty(), detail);
    }
}
