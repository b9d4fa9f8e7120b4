package org.scriptorium.submissions.domain;

/** What the automatic spam check said about a submission. */
public enum SpamCheck {
    /** Not checked yet. */
    PENDING,
    /** Akismet said it is not spam. */
    HAM,
    /** Akismet said it is spam. */
    SPAM,
    /** Akismet could not answer: the submission is held for an editor. */
    HELD,
    /** Akismet is not configured. */
    OFF
}
