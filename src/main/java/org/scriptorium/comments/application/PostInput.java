package org.scriptorium.comments.application;

import java.time.Instant;

/**
 * A comment as the public form posted it, with what the request tells about the reader.
 *
 * @param formShownAt when the form was rendered (from its signed token), for the time trap; null if unknown
 */
public record PostInput(long translationId, Long parentId, String name, String email, String url, String body,
                        String honeypot, Instant formShownAt, String ip, String userAgent, String referrer) {
}
