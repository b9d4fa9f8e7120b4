package org.scriptorium.content.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.scriptorium.content.domain.ArticleRepository;
import org.scriptorium.content.domain.ArticleTranslation;
import org.scriptorium.content.domain.TranslationEdited;

/**
 * Marks translations outdated when the translation they were made from changes: on every
 * {@link TranslationEdited}, inside the saving transaction, each translation made from the edited one
 * compares its source fingerprint with the source's new text and records the fields that differ. A source
 * edited back to the text a translation was made from clears the mark again.
 */
@ApplicationScoped
public class OutdatedTranslations {

    private ArticleRepository articles;

    protected OutdatedTranslations() {
    }

    @Inject
    public OutdatedTranslations(ArticleRepository articles) {
        this.articles = articles;
    }

    /** Re-checks every translation made from the edited one. */
    public void onEdited(@Observes TranslationEdited edited) {
        for (ArticleTranslation dependent : articles.findTranslatedFrom(edited.translationId())) {
            dependent.checkAgainstSource();
        }
    }
}
