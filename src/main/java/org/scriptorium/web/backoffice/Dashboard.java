package org.scriptorium.web.backoffice;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.scriptorium.content.application.ContentStatistics;
import org.scriptorium.content.domain.PublicationStatus;
import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.i18n.domain.SiteLanguage;

/** The back-office home: how many translations each language has, by status, and how many are missing. */
@Named
@RequestScoped
public class Dashboard {

    @Inject
    private ContentStatistics statistics;

    @Inject
    private LanguageService languages;

    private List<ContentStatistics.LanguageRow> rows;

    public List<ContentStatistics.LanguageRow> getRows() {
        if (rows == null) {
            rows = statistics.translationsByLanguage(languages.enabled().stream().map(SiteLanguage::getCode).toList());
        }
        return rows;
    }

    public List<PublicationStatus> getStatuses() {
        return List.of(PublicationStatus.values());
    }

    public long getArticleCount() {
        return statistics.articleCount();
    }

    public String languageName(String code) {
        return languages.enabled().stream().filter(l -> l.getCode().equals(code)).map(SiteLanguage::getNativeName)
                .findFirst().orElse(code);
    }
}
