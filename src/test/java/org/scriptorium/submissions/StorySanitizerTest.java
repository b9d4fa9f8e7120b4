package org.scriptorium.submissions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scriptorium.submissions.application.StorySanitizer;

/** Submitted stories keep simple formatting and lose everything that could run or restyle the page. */
class StorySanitizerTest {

    @Test
    void simpleFormattingStays() {
        assertThat(StorySanitizer.sanitize("<p>Uno <strong>due</strong> <em>tre</em></p><ul><li>x</li></ul><blockquote>q</blockquote>"))
                .isEqualTo("<p>Uno <strong>due</strong> <em>tre</em></p><ul><li>x</li></ul><blockquote>q</blockquote>");
    }

    @Test
    void scriptsHandlersStylesImagesAndHeadingsGo() {
        String clean = StorySanitizer.sanitize("<h1>T</h1><script>alert(1)</script><p onclick=\"x()\" style=\"color:red\">p</p>"
                + "<img src=\"https://e.test/x.png\" onerror=\"alert(1)\"><iframe src=\"https://e.test\"></iframe>");
        assertThat(clean).doesNotContain("script").doesNotContain("onclick").doesNotContain("style")
                .doesNotContain("<img").doesNotContain("iframe").doesNotContain("<h1").contains("T").contains("<p>p</p>");
    }

    @Test
    void linksAreHttpOnlyAndNofollow() {
        assertThat(StorySanitizer.sanitize("<a href=\"javascript:alert(1)\">a</a>")).doesNotContain("javascript");
        assertThat(StorySanitizer.sanitize("<a href=\"https://example.org/\">b</a>")).contains("href=\"https://example.org/\"")
                .contains("nofollow");
    }

    @Test
    void theTextIsExtractedForTheSpamCheck() {
        assertThat(StorySanitizer.text(StorySanitizer.sanitize("<p>a &amp; b</p><p>c</p>"))).isEqualTo("a & b c");
    }
}
