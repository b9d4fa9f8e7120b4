package org.scriptorium.submissions.application;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Cleans a submitted story: the limited rich text a reader may use, narrower than the editors' allow-list
 * ({@code content.application.BodySanitizer}). Paragraphs, line breaks, emphasis, lists, quotes and links
 * (http and https only, always {@code rel="nofollow noopener noreferrer"}) stay; headings, images, tables,
 * scripts, styles, handlers and every other element go, their text kept.
 */
public final class StorySanitizer {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "b", "strong", "i", "em", "ul", "ol", "li", "blockquote", "a")
            .allowUrlProtocols("http", "https")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();

    private StorySanitizer() {
    }

    /** The allowed part of {@code html}; empty for null or blank. */
    public static String sanitize(String html) {
        return html == null || html.isBlank() ? "" : POLICY.sanitize(html);
    }

    /** The text of sanitised HTML without tags, for the spam check and length rules. */
    public static String text(String html) {
        return html.replaceAll("<[^>]*>", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    }
}
