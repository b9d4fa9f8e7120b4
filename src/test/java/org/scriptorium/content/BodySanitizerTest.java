package org.scriptorium.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scriptorium.content.application.BodySanitizer;

/** The allow-list for article bodies: article markup stays, anything able to run code goes. */
class BodySanitizerTest {

    @Test
    void articleMarkupIsKept() {
        String html = "<h2>Titolo</h2><p>Uno <em>due</em> <strong>tre</strong></p><blockquote><p>q</p></blockquote>"
                + "<ul><li>a</li></ul><figure><img src=\"/media/x.png\" alt=\"x\" /><figcaption>c</figcaption></figure>"
                + "<table><tr><th scope=\"col\">h</th></tr><tr><td>d</td></tr></table><pre><code>x &lt; y</code></pre>";
        String clean = BodySanitizer.sanitize(html);
        assertThat(clean).contains("<h2>Titolo</h2>", "<em>due</em>", "<strong>tre</strong>", "<blockquote>", "<li>a</li>",
                "<img src=\"/media/x.png\" alt=\"x\" />", "<figcaption>c</figcaption>", "<th scope=\"col\">h</th>",
                "<code>x &lt; y</code>");
    }

    @Test
    void scriptsHandlersStylesAndDangerousUrlsAreRemoved() {
        String clean = BodySanitizer.sanitize("<p onclick=\"a()\" style=\"color:red\">t</p><script>b()</script>"
                + "<a href=\"javascript:c()\">j</a><a href=\"JaVaScRiPt:d()\">k</a><img src=\"data:image/svg+xml,x\" onerror=\"e()\">"
                + "<iframe src=\"https://evil.example\"></iframe><svg onload=\"f()\"></svg><style>p{}</style>"
                + "<a href=\"https://ok.example\" target=\"_blank\">ok</a>");
        assertThat(clean).doesNotContainIgnoringCase("script").doesNotContain("onclick", "onerror", "onload", "style",
                "iframe", "svg", "data:", "a()", "b()", "c()", "d()", "e()", "f()");
        assertThat(clean).contains("<p>t</p>", "href=\"https://ok.example\"", "rel=\"noopener");
    }

    @Test
    void nothingBecomesEmpty() {
        assertThat(BodySanitizer.sanitize(null)).isEmpty();
        assertThat(BodySanitizer.sanitize("  ")).isEmpty();
    }
}
