package org.scriptorium.web.site;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.scriptorium.content.application.ArticleSummary;
import org.scriptorium.content.application.ReadingService;
import org.scriptorium.web.common.RequestLanguage;

/** The home page of a language: its latest published articles. */
@Named
@RequestScoped
public class HomePage {

    private static final int PAGE_SIZE = 20;

    @Inject
    private ReadingService reading;

    @Inject
    private RequestLanguage language;

    private List<ArticleSummary> latest;

    public List<ArticleSummary> getLatest() {
        if (latest == null) {
            latest = reading.latest(language.getCode(), 0, PAGE_SIZE);
        }
        return latest;
    }
}
