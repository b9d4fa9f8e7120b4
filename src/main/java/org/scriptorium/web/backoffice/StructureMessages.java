package org.scriptorium.web.backoffice;

import org.scriptorium.content.application.StructureException;
import org.scriptorium.web.common.Texts;

/** The message, in the reader's language, for each reason a change to categories or tags is refused. */
final class StructureMessages {

    private StructureMessages() {
    }

    static String of(StructureException e, Texts texts) {
        return switch (e.reason()) {
            case NO_NAME -> texts.get("structure.error.noName");
            case NAME_REQUIRED -> texts.get("structure.error.nameRequired");
            case SLUG_TAKEN -> texts.get("structure.error.slugTaken");
            case TOO_LONG -> texts.get("structure.error.tooLong");
            case CYCLE -> texts.get("structure.error.cycle");
            case NOT_FOUND -> texts.get("structure.error.notFound");
            case LANGUAGE_INVALID -> texts.get("structure.error.language");
        };
    }
}
