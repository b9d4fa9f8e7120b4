package org.scriptorium.content.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.platform.dashboard.DashboardFigure;

/** Dashboard figure: translations whose source changed since they were made. */
@ApplicationScoped
public class OutdatedTranslationsFigure implements DashboardFigure {

    private EditorialFigures figures;

    protected OutdatedTranslationsFigure() {
    }

    @Inject
    public OutdatedTranslationsFigure(EditorialFigures figures) {
        this.figures = figures;
    }

    @Override
    public String labelKey() {
        return "dashboard.figure.outdated";
    }

    @Override
    public long value() {
        return figures.outdated();
    }

    @Override
    public String link() {
        return "/backoffice/translations";
    }

    @Override
    public int order() {
        return 13;
    }
}
