package org.scriptorium.content.application;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.scriptorium.content.domain.PublicationStatus;

/**
 * A translation opened in the editor: the form, and where it stands.
 *
 * @param exists         false for a translation not yet saved (a new article, or a language the article lacks)
 * @param publishAt      the publication time, if published or scheduled
 * @param translatedFrom the language of the translation this one was made from, if any
 * @param outdatedFields the fields of that source that changed since (empty when up to date)
 * @param languages      the languages in which the article has a translation (none for a new article)
 * @param sharedEditable whether the user may change what all languages share (categories, tags, image, comments)
 */
public record EditableArticle(ArticleForm form, boolean exists, PublicationStatus status, Optional<Instant> publishAt,
                              int revision, String authorName, Optional<String> translatedFrom,
                              Set<String> outdatedFields, Set<String> languages,
                              boolean sharedEditable) {

    public boolean isOutdated() {
        return !outdatedFields.isEmpty();
    }
}
