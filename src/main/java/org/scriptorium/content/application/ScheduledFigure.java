package org.scriptorium.content.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.content.domain.PublicationStatus;
import org.scriptorium.platform.dashboard.DashboardFigure;

/** Dashboard figure: translations scheduled for publication. */
@ApplicationScoped
public class ScheduledFigure implements DashboardFigure {

    private EditorialFigures figures;

    protected ScheduledFigure() {
    }

    @Inject
    public ScheduledFigure(EditorialFigures figures) {
        this.figures = figures;
    }

    @Override
    public String labelKey() {
        return "dashboard.figure.scheduled";
    }

    @Override
    public long value() {
        return figures.withStatus(PublicationStatus.SCHEDULED);
    }

    @Override
    public String link() {
        return "/backoffice/articles?status=SCHEDULED";
    }

    @Override
    public int order() {
        return 11;
    }
}
