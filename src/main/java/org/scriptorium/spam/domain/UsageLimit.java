package org.scriptorium.spam.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How many Akismet calls the key has used this month, as Akismet's usage-limit reports it, or why that is
 * not known. Shown in the back office so that an operator sees throttling coming.
 */
public final class UsageLimit {

    private final boolean known;
    private final Long limit;
    private final long usage;
    private final BigDecimal percentage;
    private final boolean throttled;
    private final String reason;

    private UsageLimit(boolean known, Long limit, long usage, BigDecimal percentage, boolean throttled, String reason) {
        this.known = known;
        this.limit = limit;
        this.usage = usage;
        this.percentage = percentage;
        this.throttled = throttled;
        this.reason = reason;
    }

    /**
     * A usage report.
     *
     * @param limit      the monthly limit, or null when the plan has none
     * @param usage      calls made this month
     * @param percentage share of the limit used, as Akismet computed it
     * @param throttled  whether Akismet is currently throttling the key
     */
    public static UsageLimit of(Long limit, long usage, BigDecimal percentage, boolean throttled) {
        return new UsageLimit(true, limit, usage, Objects.requireNonNull(percentage), throttled, null);
    }

    /** The usage could not be read, for the given reason. */
    public static UsageLimit unknown(String reason) {
        return new UsageLimit(false, null, 0, BigDecimal.ZERO, false, Objects.requireNonNull(reason));
    }

    public boolean isKnown() {
        return known;
    }

    /** The monthly limit; empty when the plan is unlimited or the usage is unknown. */
    public OptionalLong limit() {
        return limit == null ? OptionalLong.empty() : OptionalLong.of(limit);
    }

    public long usage() {
        return usage;
    }

    public BigDecimal percentage() {
        return percentage;
    }

    public boolean throttled() {
        return throttled;
    }

    /** Why the usage is unknown. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    @Override
    public String toString() {
        return known ? "UsageLimit[limit=" + limit + ", usage=" + usage + ", percentage=" + percentage + ", throttled="
                + throttled + "]" : "UsageLimit[unknown: " + reason + "]";
    }
}
