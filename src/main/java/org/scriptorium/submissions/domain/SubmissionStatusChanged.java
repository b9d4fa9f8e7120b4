package org.scriptorium.submissions.domain;

/**
 * A submission changed status (or was received: {@code from} is then null). The notice feature e-mails the
 * submitter in their language.
 */
public record SubmissionStatusChanged(long submissionId, SubmissionStatus from, SubmissionStatus to) {
}
