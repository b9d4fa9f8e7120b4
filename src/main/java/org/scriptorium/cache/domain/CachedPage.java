package org.scriptorium.cache.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A rendered public page as it is answered again: its bytes, a gzip copy when it is worth sending one,
 * the validators for conditional requests and the headers the application set. Immutable; the arrays are
 * never written after construction.
 *
 * @param contentType  the Content-Type header, with its charset
 * @param headers      other headers the application set (never Set-Cookie, lengths or validators)
 * @param body         the identity-encoded body
 * @param gzipBody     the same body gzip-compressed, or {@code null} when it is too small to compress
 * @param etag         the strong entity tag of {@code body}, quoted
 * @param lastModified when the page was rendered, to the second
 * @param expiresAt    when the entry must be rendered again even if no event said so
 */
public record CachedPage(String contentType, Map<String, String> headers, byte[] body, byte[] gzipBody,
                         String etag, Instant lastModified, Instant expiresAt) {

    public CachedPage {
        headers = Map.copyOf(headers);
    }

    /** The memory the entry holds, roughly: its bodies plus a small allowance for headers. */
    public long size() {
        return body.length + (gzipBody == null ? 0 : gzipBody.length) + 512L;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
