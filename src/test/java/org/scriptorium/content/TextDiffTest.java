package org.scriptorium.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.scriptorium.content.application.TextDiff;
import org.scriptorium.content.application.TextDiff.Kind;
import org.scriptorium.content.application.TextDiff.Segment;

/** Word-level comparison of texts, as the revisions page and the outdated notice show it. */
class TextDiffTest {

    private static String render(List<Segment> segments) {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) {
            switch (s.kind()) {
                case SAME -> sb.append(s.text());
                case REMOVED -> sb.append("[-").append(s.text()).append("-]");
                case ADDED -> sb.append("{+").append(s.text()).append("+}");
            }
        }
        return sb.toString();
    }

    @Test
    void aChangedWordIsShownAsRemovedAndAdded() {
        assertThat(render(TextDiff.compare("Il gatto dorme sul divano", "Il cane dorme sul divano")))
                .isEqualTo("Il [-gatto-]{+cane+} dorme sul divano");
    }

    @Test
    void insertionsAndDeletionsKeepTheRestTogether() {
        assertThat(render(TextDiff.compare("one two three", "one two and a half three")))
                .isEqualTo("one two {+and a half +}three");
        assertThat(render(TextDiff.compare("uno due tre quattro", "uno quattro")))
                .isEqualTo("uno [-due tre -]quattro");
    }

    @Test
    void wordsAreWholeAndAccentedLettersBelongToThem() {
        List<Segment> segments = TextDiff.compare("Perché è così", "Perché era così");
        assertThat(render(segments)).isEqualTo("Perché [-è-]{+era+} così");
    }

    @Test
    void equalTextsHaveNoChangeAndEmptyOnesWork() {
        assertThat(TextDiff.changed(TextDiff.compare("same text", "same text"))).isFalse();
        assertThat(TextDiff.compare("", "")).isEmpty();
        assertThat(render(TextDiff.compare("", "new"))).isEqualTo("{+new+}");
        assertThat(render(TextDiff.compare("old", ""))).isEqualTo("[-old-]");
        assertThat(TextDiff.compare(null, "x")).containsExactly(new Segment(Kind.ADDED, "x"));
    }

    @Test
    void markupIsPlainTextInTheSegmentsForThePageToEscape() {
        List<Segment> segments = TextDiff.compare("a <b>", "a <script>alert(1)</script>");
        assertThat(String.join("", segments.stream().filter(s -> !s.isRemoved()).map(Segment::text).toList()))
                .isEqualTo("a <script>alert(1)</script>");
    }

    @Test
    void htmlBodiesAreComparedAsReadableText() {
        assertThat(TextDiff.readable("<h2>Titolo</h2><p>Primo &amp; <strong>secondo</strong></p><ul><li>a</li><li>b</li></ul>"))
                .isEqualTo("Titolo\nPrimo & secondo\na\nb");
        assertThat(render(TextDiff.compare(TextDiff.readable("<p>Il testo vecchio</p>"),
                TextDiff.readable("<p>Il testo <em>nuovo</em></p>")))).isEqualTo("Il testo [-vecchio-]{+nuovo+}");
    }

    @Test
    void longTextsWithManyChangesStayCorrect() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            a.append("w").append(i).append(' ');
            b.append(i % 7 == 0 ? "x" : "w").append(i).append(' ');
        }
        List<Segment> segments = TextDiff.compare(a.toString(), b.toString());
        String before = String.join("", segments.stream().filter(s -> !s.isAdded()).map(Segment::text).toList());
        String after = String.join("", segments.stream().filter(s -> !s.isRemoved()).map(Segment::text).toList());
        assertThat(before).isEqualTo(a.toString());
        assertThat(after).isEqualTo(b.toString());
    }
}
