package org.scriptorium.content.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.platform.dashboard.DashboardFigure;

/** Dashboard figure: article-language pairs that have no translation yet. */
@ApplicationScoped
public class MissingTranslationsFigure implements DashboardFigure {

    private EditorialFigures figures;

    protected MissingTranslationsFigure() {
    }

    @Inject
    public MissingTranslationsFigure(EditorialFigures figures) {
        this.figures = figures;
    }

    @Override
    public String labelKey() {
        return "dashboard.figure.missing";
    }

    @Override
    public long value() {
        return figures.missing();
    }

    @Override
    public String link() {
        return "/backoffice/translations";
    }

    @Override
    public int order() {
        return 12;
    }
}
