package org.scriptorium.search.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Marks and passages of our own highlighter: stems, phrases, passage placement and safety of the marks. */
class QueryHighlighterTest {

    private static final String S = Snippets.START;
    private static final String E = Snippets.END;

    @Test
    void aQueryWordMarksTheOtherFormsOfItsStem() {
        QueryHighlighter italian = QueryHighlighter.exact("vicini", "it");
        assertThat(italian.title("Il gatto del vicino")).isEqualTo("Il gatto del " + S + "vicino" + E);
        assertThat(QueryHighlighter.exact("l'intelligenza", "it").snippet("Parliamo di intelligenza artificiale."))
                .isEqualTo("Parliamo di " + S + "intelligenza" + E + " artificiale.");
        assertThat(QueryHighlighter.exact("citta", "it").title("La Città di provincia"))
                .isEqualTo("La " + S + "Città" + E + " di provincia");
        assertThat(QueryHighlighter.exact("policy", "en").snippet("New policies for rural broadband."))
                .isEqualTo("New " + S + "policies" + E + " for rural broadband.");
    }

    @Test
    void aPhraseIsMarkedOnlyWhereItsWordsFollowEachOther() {
        QueryHighlighter phrase = QueryHighlighter.exact("\"honey bees\"", "en");
        assertThat(phrase.snippet("Bees make honey. The honey bees of the city."))
                .isEqualTo("The " + S + "honey bees" + E + " of the city.");
        assertThat(phrase.snippet("Bees make honey. Honey is sweet.")).doesNotContain(S);
        QueryHighlighter withStopWord = QueryHighlighter.exact("\"house of commons\"", "en");
        assertThat(withStopWord.title("The House of Commons met")).isEqualTo("The " + S + "House of Commons" + E + " met");
        assertThat(withStopWord.title("House commons")).doesNotContain(S);
        assertThat(QueryHighlighter.exact("bread -rye", "en").snippet("Rye bread."))
                .isEqualTo("Rye " + S + "bread" + E + ".");
    }

    @Test
    void withoutAMatchThePassageIsTheStartOfTheText() {
        String body = "Lorem ipsum dolor sit amet. ".repeat(30).strip();
        String snippet = QueryHighlighter.exact("bread", "en").snippet(body);
        assertThat(snippet).doesNotContain(S).startsWith("Lorem ipsum dolor sit amet.").endsWith("\u2026");
        assertThat(snippet.length()).isBetween(QueryHighlighter.SNIPPET / 2, QueryHighlighter.SNIPPET + 1);
        assertThat(QueryHighlighter.exact("bread", "en").snippet("Short text.")).isEqualTo("Short text.");
    }

    @Test
    void thePassageStartsAtTheSentenceOfTheBestMatch() {
        String filler = "Nothing to see in this sentence at all. ".repeat(20);
        String body = filler + "Bread alone here. " + filler + "Bread and rye together. " + filler;
        String snippet = QueryHighlighter.exact("rye bread", "en").snippet(body);
        assertThat(snippet).startsWith(S + "Bread" + E + " and " + S + "rye" + E + " together. Nothing").endsWith("\u2026");

        String longSentence = "word ".repeat(100) + "bread " + "word ".repeat(100);
        String inLong = QueryHighlighter.exact("bread", "en").snippet(longSentence);
        assertThat(inLong).startsWith("\u2026").contains(S + "bread" + E).endsWith("\u2026");
        assertThat(inLong.indexOf(S)).isLessThan(60);
    }

    @Test
    void onlyTheFirstTenThousandCharactersAreRead() {
        String body = "Nothing here. ".repeat(QueryHighlighter.SCAN / 14 + 10) + "Bread at last.";
        assertThat(QueryHighlighter.exact("bread", "en").snippet(body)).doesNotContain(S).startsWith("Nothing here.");
    }

    @Test
    void marksNeverComeFromTheTextAndTheRestIsEscaped() {
        String forged = "Evil " + S + "<b>forged</b>" + E + " & \"quoted\" 'bread' <script>alert(1)</script>";
        QueryHighlighter highlighter = QueryHighlighter.exact("bread", "en");
        String html = Snippets.toHtml(highlighter.snippet(forged));
        assertThat(html).isEqualTo("Evil &lt;b&gt;forged&lt;/b&gt; &amp; &quot;quoted&quot; &#39;<mark>bread</mark>&#39; "
                + "&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(Snippets.toHtml(highlighter.title(S + "x" + E + " <i>bread</i>")))
                .isEqualTo("x &lt;i&gt;<mark>bread</mark>&lt;/i&gt;");
    }

    @Test
    void theTypoPassMarksWordsOneEditAway() {
        List<OneEdit> words = QueryHighlighter.terms("it", "inteligenza").stream().map(OneEdit::new).toList();
        QueryHighlighter approximate = QueryHighlighter.approximate(words, "it");
        assertThat(approximate.title("Intelligenza artificiale in redazione"))
                .isEqualTo(S + "Intelligenza" + E + " artificiale in redazione");
        assertThat(approximate.title("Eleganza")).doesNotContain(S);
    }

    @Test
    void oneEditAcceptsTheWordAndOneEditButKeepsTheFirstLetter() {
        OneEdit edit = new OneEdit("giornale");
        assertThat(edit.accepts("giornale")).isTrue();
        assertThat(edit.accepts("giornali")).isTrue();
        assertThat(edit.accepts("giornael")).isTrue();
        assertThat(edit.accepts("giornal")).isTrue();
        assertThat(edit.accepts("giornalix")).isFalse();
        assertThat(edit.accepts("fiornale")).isFalse();
        assertThat(edit.accepts("gxornalx")).isFalse();
    }

    @Test
    void excludedWordsAndOperatorsAreNotPartsOfTheQuery() {
        assertThat(QueryHighlighter.parts("bread -rye \"sour dough\" -\"white flour\" (a|b) e-mail word~2"))
                .containsExactly("bread", "\"sour dough\"", "a", "b", "e-mail", "word");
        assertThat(QueryHighlighter.parts("\"unclosed phrase")).containsExactly("\"unclosed phrase");
        assertThat(QueryHighlighter.parts("- \" ((")).containsExactly("\" ((");
    }

    @Test
    void theSearchForAMatchStartsAtTheFirstWordThatCanMatch() {
        String filler = "Nothing to see in this sentence at all. ".repeat(40);
        String body = filler + "The regional policies of the union. " + filler;
        QueryHighlighter english = QueryHighlighter.exact("policy", "en");
        assertThat(english.firstCandidate(body, body.length())).isEqualTo(filler.length() + "The regional ".length());
        assertThat(english.snippet(body)).startsWith("The regional " + S + "policies" + E + " of the union.");
        assertThat(english.firstCandidate(filler, filler.length())).isEqualTo(-1);
        assertThat(QueryHighlighter.exact("politique", "fr").firstCandidate(body, body.length())).isZero();
        assertThat(QueryHighlighter.exact("Politik", "de").firstCandidate(body, body.length())).isZero();
        assertThat(QueryHighlighter.exact("big cat", "en").firstCandidate(body, body.length()))
                .as("a term too short for a needle").isZero();
    }

    /**
     * What the needles rely on: in the languages that have them, every word analysed to a term of five letters
     * or more contains the term without its last two letters, once folded (the whole term in the fallback
     * chain). Checked on text of every site language (the chains analyse any text) and on the naughty strings.
     */
    @Test
    void everyWordContainsTheNeedleOfItsTerm() throws Exception {
        List<String> texts = new java.util.ArrayList<>(List.of(
                "Le città italiane e l'intelligenza artificiale: gli amministratori comunali discutono delle nuove"
                        + " biblioteche, dei musei più visitati e dell'efficacia delle politiche energetiche.",
                "Las ciudades españolas y sus luces: los ayuntamientos aprobaron presupuestos públicos, las"
                        + " organizaciones civiles pidieron más información sobre las contrataciones.",
                "Happy cities relationally organize their organizations; the sky, the ponies and the hopping"
                        + " rabbits of sensitivity analyses were reasonably national and rational.",
                "As cidades portuguesas e os limões: as organizações não governamentais publicaram relatórios"
                        + " sobre a eficiência energética e as decisões dos órgãos públicos.",
                "Les villes françaises et la commission: l'intelligence des chevaux, qu'elles soient nationales,"
                        + " reste une question d'efficacité.",
                "Die Häuser der Städte: Straßenbahnen, Äpfel, Aerger und Müller gehören zur Bürgerbeteiligung.",
                "Ærøskøbing, Œuvre, ﬁnancial ⑽ İstanbul ǅemal ß ŉ Ǆ"));
        java.nio.file.Path blns = java.nio.file.Path.of(System.getProperty("shared.dir", "../shared"), "data", "blns", "blns.json");
        if (java.nio.file.Files.exists(blns)) {
            texts.add(java.nio.file.Files.readString(blns));
        }
        int checked = 0;
        for (String analyzer : QueryHighlighter.NEEDLE_ANALYZERS) {
            for (String text : texts) {
                try (var stream = ScriptoriumAnalysis.analyzer(analyzer).tokenStream("f", text)) {
                    var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
                    var offset = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
                    stream.reset();
                    while (stream.incrementToken()) {
                        String t = term.toString();
                        String needle = analyzer.equals(ScriptoriumAnalysis.FALLBACK) ? t
                                : t.length() >= 5 ? t.substring(0, t.length() - 2) : "";
                        if (needle.length() < 3) {
                            continue;
                        }
                        String word = text.substring(offset.startOffset(), offset.endOffset());
                        assertThat(QueryHighlighter.Folded.of(word, word.length()).indexOf(needle.toCharArray()))
                                .as("%s: %s analysed to %s", analyzer, word, t).isNotNegative();
                        checked++;
                    }
                    stream.end();
                }
            }
        }
        assertThat(checked).isGreaterThan(1_000);
    }
}
