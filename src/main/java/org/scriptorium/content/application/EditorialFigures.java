package org.scriptorium.content.application;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.content.domain.ArticleRepository;
import org.scriptorium.content.domain.PublicationStatus;
import org.scriptorium.i18n.domain.SiteLanguage;
import org.scriptorium.i18n.domain.SiteLanguageRepository;

/**
 * The editorial counts behind the dashboard figures: drafts, scheduled translations, translations missing
 * in the enabled languages, and outdated translations.
 */
@ApplicationScoped
@Transactional
public class EditorialFigures {

    private ArticleRepository articles;
    private SiteLanguageRepository languages;

    protected EditorialFigures() {
    }

    @Inject
    public EditorialFigures(ArticleRepository articles, SiteLanguageRepository languages) {
        this.articles = articles;
        this.languages = languages;
    }

    public long withStatus(PublicationStatus status) {
        return articles.countByLanguageAndStatus().stream().filter(c -> c.status() == status)
                .mapToLong(ArticleRepository.StatusCount::count).sum();
    }

    /** Article-language pairs without a translation, over the enabled languages. */
    public long missing() {
        List<String> enabled = languages.findAll().stream().filter(SiteLanguage::isEnabled).map(SiteLanguage::getCode).toList();
        return Math.max(0, articles.count() * enabled.size() - articles.countInLanguages(enabled));
    }

    public long outdated() {
        return articles.countOutdated();
    }
}
