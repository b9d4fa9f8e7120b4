package org.scriptorium.web.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.scriptorium.content.application.HomeView;
import org.scriptorium.content.application.ReadingService;
import org.scriptorium.web.common.RequestLanguage;

/** The home page of a language: the lead story, the latest articles and a section per top-level category. */
@Named
@RequestScoped
public class HomePage {

    private static final int LATEST = 6;
    private static final int PER_SECTION = 3;

    @Inject
    private ReadingService reading;

    @Inject
    private RequestLanguage language;

    private HomeView home;

    public HomeView getHome() {
        if (home == null) {
            home = reading.home(language.getCode(), LATEST, PER_SECTION);
        }
        return home;
    }
}
