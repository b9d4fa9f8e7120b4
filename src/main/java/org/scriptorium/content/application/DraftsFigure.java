package org.scriptorium.content.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.content.domain.PublicationStatus;
import org.scriptorium.platform.dashboard.DashboardFigure;

/** Dashboard figure: translations still in draft. */
@ApplicationScoped
public class DraftsFigure implements DashboardFigure {

    private EditorialFigures figures;

    protected DraftsFigure() {
    }

    @Inject
    public DraftsFigure(EditorialFigures figures) {
        this.figures = figures;
    }

    @Override
    public String labelKey() {
        return "dashboard.figure.drafts";
    }

    @Override
    public long value() {
        return figures.withStatus(PublicationStatus.DRAFT);
    }

    @Override
    public String link() {
        return "/backoffice/articles?status=DRAFT";
    }

    @Override
    public int order() {
        return 10;
    }
}
