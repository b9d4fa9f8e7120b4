package org.scriptorium.web.common;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Entity tags and the conditional-request rules of RFC 9110 for the pages the site renders. An ETag is
 * strong and derived from the body bytes, so a page rendered again to the same bytes keeps its tag; the
 * gzip representation carries the same tag with a {@code -gz} suffix.
 */
public final class Validators {

    private static final String GZIP_SUFFIX = "-gz";

    private Validators() {
    }

    /** The strong, quoted entity tag of a body: 128 bits of its SHA-256, base64url. */
    public static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tag of the gzip representation of the body tagged {@code etag}. */
    public static String gzipped(String etag) {
        return etag.substring(0, etag.length() - 1) + GZIP_SUFFIX + '"';
    }

    /**
     * Whether a GET may be answered 304: If-None-Match decides when present (weak comparison, either
     * representation's tag matches), otherwise If-Modified-Since against {@code lastModified}, if known.
     */
    public static boolean notModified(HttpServletRequest request, String etag, Instant lastModified) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            return matches(ifNoneMatch, etag);
        }
        if (lastModified == null) {
            return false;
        }
        long since;
        try {
            since = request.getDateHeader("If-Modified-Since");
        } catch (IllegalArgumentException unparseable) {
            return false;
        }
        return since >= 0 && lastModified.getEpochSecond() <= since / 1000;
    }

    /** Whether an If-None-Match header lists {@code etag} or its gzip variant, or is {@code *}. */
    public static boolean matches(String ifNoneMatch, String etag) {
        String opaque = etag.substring(1, etag.length() - 1);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if ("*".equals(tag)) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() < 2 || tag.charAt(0) != '"' || tag.charAt(tag.length() - 1) != '"') {
                continue;
            }
            tag = tag.substring(1, tag.length() - 1);
            if (tag.endsWith(GZIP_SUFFIX)) {
                tag = tag.substring(0, tag.length() - GZIP_SUFFIX.length());
            }
            if (tag.equals(opaque)) {
                return true;
            }
        }
        return false;
    }
}
