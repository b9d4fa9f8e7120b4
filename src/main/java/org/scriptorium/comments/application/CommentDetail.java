package org.scriptorium.comments.application;

import java.util.List;

import org.scriptorium.comments.domain.HistoryEntry;
import org.scriptorium.comments.domain.Verdict;

/**
 * One comment with everything a moderator needs: the row, the raw visible fields to edit, what was
 * submitted, every check's verdict and the full history.
 */
public record CommentDetail(QueueRow row, String name, String email, String url, String body,
                            String submittedName, String submittedEmail, String submittedUrl, String submittedBody,
                            String userAgent, String referrer, String permalink, List<Verdict> verdicts,
                            List<HistoryEntry> history) {
}
