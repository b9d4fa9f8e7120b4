package org.scriptorium.newsletter.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Subscribers per language over time: for each week's end, how many were confirmed and had not left.
 *
 * @param weeks    the last day of each week, oldest first
 * @param counts   per language, one count per week
 */
public record GrowthSeries(List<LocalDate> weeks, Map<String, List<Long>> counts) {

    /** The largest count of any language in any week (at least 1, for scaling a chart). */
    public long max() {
        return Math.max(1, counts.values().stream().flatMap(List::stream).mapToLong(Long::longValue).max().orElse(1));
    }
}
