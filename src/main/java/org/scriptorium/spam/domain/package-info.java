/**
 * The vocabulary of spam checking, free of any transport: what is sent to a spam service about a comment
 * ({@link org.scriptorium.spam.domain.SpamCheckRequest}) and what comes back (verdicts, key status, usage).
 */
package org.scriptorium.spam.domain;
