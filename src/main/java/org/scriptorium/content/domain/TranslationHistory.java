package org.scriptorium.content.domain;

import java.util.List;
import java.util.Optional;

/** The revisions of article translations: every stored change, as kept by the content history. */
public interface TranslationHistory {

    /** Every revision of a translation, newest first. */
    List<TranslationRevision> revisions(long translationId);

    /** One revision of a translation by its history number. */
    Optional<TranslationRevision> revision(long translationId, long number);
}
