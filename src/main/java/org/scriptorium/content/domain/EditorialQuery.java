package org.scriptorium.content.domain;

import java.util.Optional;
import java.util.Set;

/**
 * What the back-office article list asks for: optional filters, the restrictions that come from the
 * user's role, and the order.
 *
 * @param language         only this language, if present
 * @param status           only this status, if present
 * @param categoryId       only articles filed directly under this category, if present
 * @param authorId         only articles by this author, if present
 * @param titleText        only titles containing this text, ignoring case, if present
 * @param onlyAuthorId     a restriction from the role (AUTHOR sees only their own), if present
 * @param onlyLanguages    a restriction from the role (TRANSLATOR sees only their languages), if present; with
 *                         {@code onlyAuthorId} as well, a translation passes when it meets either
 * @param sort             the order
 */
public record EditorialQuery(Optional<String> language, Optional<PublicationStatus> status, Optional<Long> categoryId,
                             Optional<Long> authorId, Optional<String> titleText, Optional<Long> onlyAuthorId,
                             Optional<Set<String>> onlyLanguages, Sort sort) {

    /** The orders the list offers; UPDATED is newest first, the others ascending. */
    public enum Sort {
        UPDATED, TITLE, STATUS
    }
}
