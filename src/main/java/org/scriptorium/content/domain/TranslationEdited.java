package org.scriptorium.content.domain;

import java.time.Instant;
import java.util.Set;

/**
 * The text of a translation changed (a save or a restore raised its revision), whether or not readers can
 * see it. Fired inside the saving transaction; translations made from this one are checked against it and
 * marked outdated, field by field.
 *
 * @param changedFields the translatable fields whose text differs from before the save
 */
public record TranslationEdited(long translationId, long articleId, String language, Set<String> changedFields,
                                Instant at) {
}
