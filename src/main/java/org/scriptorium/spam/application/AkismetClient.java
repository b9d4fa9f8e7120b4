package org.scriptorium.spam.application;

import org.scriptorium.spam.domain.AkismetVerdict;
import org.scriptorium.spam.domain.FeedbackReceipt;
import org.scriptorium.spam.domain.KeyVerification;
import org.scriptorium.spam.domain.SpamCheckRequest;
import org.scriptorium.spam.domain.UsageLimit;

/**
 * The port to Akismet: verify the key, check a comment, report spam and ham, read the usage.
 *
 * <p><strong>Failure policy.</strong> No method throws because of the network or of Akismet: a refused
 * connection, a timeout, an HTTP error status, an invalid key or an answer that cannot be read all come back
 * as a typed result carrying a readable reason ({@link AkismetVerdict.Kind#ERROR},
 * {@link KeyVerification.Status#UNKNOWN}, a not-accepted {@link FeedbackReceipt}, an unknown
 * {@link UsageLimit}). Callers therefore never mark a comment spam because of an error and never publish
 * it unchecked: on {@code ERROR} they keep the comment PENDING and schedule a re-check with backoff.
 * Each call blocks for at most the configured connect plus read timeout, so run it off the reader's
 * request.
 *
 * <p>When no key is configured the client is off ({@link #isActive()} is false): it makes no network call
 * and every method answers with the error/unknown result "Akismet is off". Callers are expected to ask
 * {@link #isActive()} first and skip the Akismet check entirely.
 *
 * <p>Implementations are thread-safe.
 */
public interface AkismetClient {

    /** The settings this client uses. */
    AkismetSettings settings();

    /** Whether a key is configured, so that calls go to Akismet at all. */
    default boolean isActive() {
        return !settings().isOff();
    }

    /** Asks Akismet whether the configured key is valid for the configured site URL. */
    KeyVerification verifyKey();

    /** Asks Akismet about one comment; see the class comment for what an error means. */
    AkismetVerdict commentCheck(SpamCheckRequest request);

    /** Reports a comment Akismet missed as spam; send the request exactly as it was first checked. */
    FeedbackReceipt submitSpam(SpamCheckRequest request);

    /** Reports a comment Akismet wrongly took for spam; send the request exactly as it was first checked. */
    FeedbackReceipt submitHam(SpamCheckRequest request);

    /** Reads how much of the key's monthly quota is used. */
    UsageLimit usageLimit();
}
