package org.scriptorium.search.infrastructure;

/**
 * Highlighted snippets made safe for a page. The highlighter marks matches with two private-use characters
 * instead of tags; the snippet is then HTML-escaped as a whole and only the marks become {@code <mark>}
 * elements, so nothing an author wrote can reach the page as markup. The marks are removed from text before
 * it is indexed, so they cannot be forged.
 */
public final class Snippets {

    /** Opens a highlighted match in highlighter output. */
    public static final String START = "\uE000";
    /** Closes a highlighted match. */
    public static final String END = "\uE001";

    private Snippets() {
    }

    /** Removes the highlight marks from text. */
    public static String stripMarks(String text) {
        return text == null ? "" : text.replace(START, "").replace(END, "");
    }

    /** Escapes a snippet for HTML and turns the marks into {@code <mark>} elements. */
    public static String toHtml(String snippet) {
        if (snippet == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(snippet.length() + 32);
        boolean open = false;
        for (int i = 0; i < snippet.length(); i++) {
            char c = snippet.charAt(i);
            switch (c) {
                case '\uE000' -> {
                    if (!open) {
                        out.append("<mark>");
                        open = true;
                    }
                }
                case '\uE001' -> {
                    if (open) {
                        out.append("</mark>");
                        open = false;
                    }
                }
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        if (open) {
            out.append("</mark>");
        }
        return out.toString();
    }
}
