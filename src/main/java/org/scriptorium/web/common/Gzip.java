package org.scriptorium.web.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/** When and how a response body is gzip-compressed. */
public final class Gzip {

    /** Bodies smaller than this are sent as they are: compressing them saves less than it costs. */
    public static final int MIN_BYTES = 1024;

    private static final Set<String> TEXT_TYPES = Set.of("application/xml", "application/xhtml+xml",
            "application/json", "application/ld+json", "application/javascript", "application/rss+xml",
            "application/atom+xml", "application/manifest+json", "image/svg+xml");

    private Gzip() {
    }

    /** Whether a Content-Type is text that compresses well. */
    public static boolean compressible(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mime = mime(contentType);
        return mime.startsWith("text/") || TEXT_TYPES.contains(mime);
    }

    /** The media type of a Content-Type header, lower case, without parameters. */
    public static String mime(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** Whether an Accept-Encoding header admits gzip (explicitly, or through {@code *}) with a non-zero q. */
    public static boolean accepted(String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isEmpty()) {
            return false;
        }
        Boolean gzip = null;
        boolean star = false;
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.split(";");
            String coding = pieces[0].trim().toLowerCase(Locale.ROOT);
            boolean allowed = quality(pieces) > 0;
            if ("gzip".equals(coding) || "x-gzip".equals(coding)) {
                gzip = allowed;
            } else if ("*".equals(coding)) {
                star = allowed;
            }
        }
        return gzip != null ? gzip : star;
    }

    private static double quality(String[] pieces) {
        for (int i = 1; i < pieces.length; i++) {
            String p = pieces[i].trim();
            if (p.startsWith("q=") || p.startsWith("Q=")) {
                try {
                    return Double.parseDouble(p.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    public static byte[] compress(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 3));
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
