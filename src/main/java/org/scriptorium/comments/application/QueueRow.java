package org.scriptorium.comments.application;

import java.time.Instant;

import org.scriptorium.comments.domain.CommentStatus;

/**
 * A comment as the moderation queue lists it.
 *
 * @param bodyHtml     the text made safe ({@link PlainText#toHtml(String)})
 * @param checks       the verdicts in one line, such as "honeypot PASS · akismet HAM"
 * @param awaitingCheck whether Akismet is still to answer
 */
public record QueueRow(long id, String language, long articleId, String articleTitle, String articleSlug,
                       String authorName, String authorEmail, String authorUrl, String bodyHtml, CommentStatus status,
                       Instant createdAt, String userIp, boolean staff, boolean held, String checks,
                       boolean awaitingCheck, Long parentId) {
}
