package org.scriptorium.platform.dashboard;

/**
 * One count that a feature contributes to the back-office dashboard (pending comments, new submissions,
 * outdated translations, ...). Features publish an {@code @ApplicationScoped} implementation; the dashboard
 * collects every bean of this type, so no feature has to know the dashboard and the dashboard knows no feature.
 */
public interface DashboardFigure {

    /** The UI-string key of the figure's label, translated by the dashboard. */
    String labelKey();

    /** The current value; called once per dashboard view. */
    long value();

    /** The site-relative back-office URL that lists what the figure counts, e.g. {@code /backoffice/comments}. */
    String link();

    /** Orders figures on the dashboard, lowest first. */
    default int order() {
        return 100;
    }
}
