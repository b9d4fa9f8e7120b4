/**
 * Readers' comments on article translations: the {@link org.scriptorium.comments.domain.Comment} aggregate
 * with its moderation status, history and spam-check verdicts, the log of comments discarded unseen, and
 * the events other features react to.
 */
package org.scriptorium.comments.domain;
