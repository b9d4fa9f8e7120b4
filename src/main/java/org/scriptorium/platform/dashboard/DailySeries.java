package org.scriptorium.platform.dashboard;

import java.time.LocalDate;
import java.util.Map;

/**
 * One line of the dashboard's 30-day chart (published articles, comments, spam, ...), contributed by the feature
 * that owns the data as an {@code @ApplicationScoped} bean. Days missing from the map count as zero.
 */
public interface DailySeries {

    /** The UI-string key of the series' label, translated by the dashboard. */
    String labelKey();

    /** Counts per day (UTC) for the days from {@code first} to {@code last}, both included. */
    Map<LocalDate, Long> counts(LocalDate first, LocalDate last);

    /** Orders series in the chart's legend, lowest first. */
    default int order() {
        return 100;
    }
}
