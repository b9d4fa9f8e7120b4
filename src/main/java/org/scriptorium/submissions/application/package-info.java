/**
 * Receiving a submission ({@link org.scriptorium.submissions.application.SubmissionIntake}: sanitising,
 * image checks, anti-spam) and reviewing it ({@link org.scriptorium.submissions.application.SubmissionReview}).
 */
package org.scriptorium.submissions.application;
