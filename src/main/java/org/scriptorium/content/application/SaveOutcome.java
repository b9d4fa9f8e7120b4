package org.scriptorium.content.application;

import org.scriptorium.content.domain.PublicationStatus;

/** What a save did: which translation, its status and revision afterwards. */
public record SaveOutcome(long articleId, String language, PublicationStatus status, int revision, String slug) {
}
