package org.scriptorium.comments.application;

import java.time.Instant;

/**
 * A comment as the article page shows it. Read-only; themes render it.
 *
 * @param bodyHtml  the text, escaped, with line breaks and links ({@link PlainText#toHtml(String)})
 * @param authorUrl the author's website when it is a plain http(s) address, else null
 * @param depth     1 for a top-level comment
 * @param pending   true for the reader's own comment that still awaits moderation
 */
public record CommentItem(long id, Long parentId, int depth, String authorName, String authorUrl, String bodyHtml,
                          Instant createdAt, boolean staff, boolean pending) {
}
