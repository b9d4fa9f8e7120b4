/**
 * The comment pipeline and moderation: storing a reader's comment before answering, the cheap spam checks,
 * the asynchronous Akismet check with re-checks, the moderation queue's operations, the feature's settings
 * and what it contributes to the dashboard.
 */
package org.scriptorium.comments.application;
