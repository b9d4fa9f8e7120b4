package org.scriptorium.content.application;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Cleans article bodies written in the back office before they are stored, so that what the public site
 * prints as HTML can carry no script. An allow-list (OWASP Java HTML Sanitizer): headings, paragraphs,
 * lists, quotes, code, tables, figures, inline formatting, links (http, https, mailto; given
 * {@code rel="nofollow noopener"} when they open a new window) and images (http, https or site-relative).
 * Everything else, such as {@code <script>}, {@code on*} handlers, {@code style} or {@code javascript:} URLs,
 * is removed; the text inside removed elements is kept unless the element is a script or style.
 */
public final class BodySanitizer {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code",
                    "b", "strong", "i", "em", "u", "s", "sub", "sup", "mark", "small", "abbr", "cite", "q", "span",
                    "figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "a", "img")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href", "title", "hreflang").onElements("a")
            .allowAttributes("target").matching(false, "_blank").onElements("a")
            .requireRelsOnLinks("noopener")
            .allowAttributes("src", "alt", "width", "height", "loading").onElements("img")
            .allowAttributes("title").onElements("abbr")
            .allowAttributes("scope", "colspan", "rowspan").onElements("th", "td")
            .allowAttributes("lang").globally()
            .allowAttributes("cite").onElements("blockquote", "q")
            .toFactory();

    private BodySanitizer() {
    }

    /** The allowed part of {@code html}; empty for null. */
    public static String sanitize(String html) {
        return html == null || html.isBlank() ? "" : POLICY.sanitize(html);
    }
}
