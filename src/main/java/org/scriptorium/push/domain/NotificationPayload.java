package org.scriptorium.push.domain;

import java.util.Objects;

/**
 * What the service worker shows: a title, a short text, an icon, the page opened on a click (in the
 * subscriber's language) and that language. Sent as a small JSON object, encrypted for each subscription.
 *
 * @param icon an absolute URL or null
 * @param tag  notifications with the same tag replace each other in the browser
 */
public record NotificationPayload(String title, String body, String icon, String url, String lang, String tag) {

    /** Push services accept at most 4 KiB of encrypted payload; the texts are kept well below. */
    public static final int TITLE_MAX = 120;
    public static final int BODY_MAX = 300;

    public NotificationPayload {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(lang, "lang");
        title = shorten(title.strip(), TITLE_MAX);
        body = body == null ? "" : shorten(body.strip(), BODY_MAX);
    }

    /** Cuts a text at a word boundary and marks the cut with an ellipsis. */
    public static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String cut = text.substring(0, max - 1);
        int space = cut.lastIndexOf(' ');
        if (space > max / 2) {
            cut = cut.substring(0, space);
        }
        return cut.stripTrailing() + "…";
    }

    /** The JSON the service worker reads. */
    public String toJson() {
        StringBuilder out = new StringBuilder("{");
        field(out, "title", title).append(',');
        field(out, "body", body).append(',');
        if (icon != null) {
            field(out, "icon", icon).append(',');
        }
        field(out, "url", url).append(',');
        field(out, "lang", lang);
        if (tag != null) {
            out.append(',');
            field(out, "tag", tag);
        }
        return out.append('}').toString();
    }

    private static StringBuilder field(StringBuilder out, String name, String value) {
        out.append('"').append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
