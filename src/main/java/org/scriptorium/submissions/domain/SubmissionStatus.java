package org.scriptorium.submissions.domain;

/** Where a submission stands in the review. */
public enum SubmissionStatus {
    /** Received, not yet looked at (includes those held because the spam check could not run). */
    NEW,
    /** An editor is reviewing it. */
    IN_REVIEW,
    /** Turned into a draft article. */
    ACCEPTED,
    /** Declined, with a message to the submitter. */
    DECLINED,
    /** Judged spam, by Akismet or an editor. */
    SPAM
}
