package org.scriptorium.comments.application;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Comment text as readers typed it, made safe for HTML: every character that means something in HTML is
 * escaped, line breaks become {@code <br>}, and http(s) addresses become links with
 * {@code rel="nofollow ugc"}. Nothing the reader typed can open a tag or an attribute; only addresses that
 * start with {@code http://} or {@code https://} are linked, so {@code javascript:} never is.
 */
public final class PlainText {

    /** An http(s) address up to the next space or character that cannot end an address. */
    static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'`{}|\\\\^]+", Pattern.CASE_INSENSITIVE);

    private PlainText() {
    }

    /** The text as HTML: escaped, with {@code <br>} for line breaks and links for addresses. */
    public static String toHtml(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(normalized.length() + 32);
        Matcher m = URL.matcher(normalized);
        int last = 0;
        while (m.find()) {
            String url = trimTrailingPunctuation(m.group());
            int end = m.start() + url.length();
            appendEscaped(out, normalized.substring(last, m.start()));
            out.append("<a href=\"").append(escape(url)).append("\" rel=\"nofollow ugc\">").append(escape(url)).append("</a>");
            last = end;
            if (end < m.end()) {
                m.region(end, normalized.length());
            }
        }
        appendEscaped(out, normalized.substring(last));
        return out.toString();
    }

    /** Counts the addresses in a text (for the "too many links" check). */
    public static int countLinks(String text) {
        if (text == null) {
            return 0;
        }
        Matcher m = Pattern.compile("https?://|www\\.|<a\\s", Pattern.CASE_INSENSITIVE).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** A website a reader gave, when it is a plain http(s) address; empty otherwise. */
    public static java.util.Optional<String> safeUrl(String url) {
        if (url == null) {
            return java.util.Optional.empty();
        }
        String u = url.strip();
        return URL.matcher(u).matches() ? java.util.Optional.of(u) : java.util.Optional.empty();
    }

    private static String trimTrailingPunctuation(String url) {
        int end = url.length();
        while (end > 0 && ".,;:!?)]".indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }

    private static void appendEscaped(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                out.append("<br/>");
            } else {
                escapeChar(out, c);
            }
        }
    }

    /** Escapes the characters that mean something in HTML text and attributes. */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            escapeChar(out, s.charAt(i));
        }
        return out.toString();
    }

    private static void escapeChar(StringBuilder out, char c) {
        switch (c) {
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '&' -> out.append("&amp;");
            case '"' -> out.append("&quot;");
            case '\'' -> out.append("&#39;");
            case '`' -> out.append("&#96;");
            default -> {
                if (c < 0x20 && c != '\t') {
                    out.append(' ');
                } else {
                    out.append(c);
                }
            }
        }
    }
}
