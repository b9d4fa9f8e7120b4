package org.scriptorium.search.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Marks the words of a reader's query in the title and in one short passage of the body of a hit, with
 * {@link Snippets#START} and {@link Snippets#END}.
 *
 * <p>Why our own rather than Hibernate Search's highlight projections: Lucene's unified highlighter took most
 * of the time of a search in the search bench (it rebuilds a query-specific index of each hit's text per
 * highlighted field, and a search over all languages has fourteen of them). A page shows ten hits and one
 * passage each, so this class analyses the stored text of those ten with the same analyser as the index, so
 * that "gatti" in the query marks "gatto" in the text, and reads at most the first {@value #SCAN} characters
 * of a body.
 *
 * <p>The query is read as the search reads it (see {@link HibernateSearchService}): words, quoted phrases
 * (marked only where their words follow each other), and {@code -excluded} words, which are never marked.
 * The passage is about {@value #SNIPPET} characters long and starts at the beginning of the sentence of the
 * match that brings the most different query words together (the first one on a tie), or a few words
 * before the match when its sentence starts too far back. A body without a match gives its first
 * {@value #SNIPPET} characters. Marks already in the text are removed first, so the only marks in the output
 * are ours and {@link Snippets#toHtml(String)} can escape everything else.
 *
 * <p>Instances are immutable and cheap; one serves every hit of a page in one language.
 */
final class QueryHighlighter {

    /** About how many characters a body passage has. */
    static final int SNIPPET = 200;
    /** How many characters of a body are read for matches. */
    static final int SCAN = 10_000;
    /** How far back a passage may start before its match for the passage to start with the sentence. */
    private static final int SENTENCE_REACH = 120;
    /** Where a passage starts, before its match, when the sentence starts too far back. */
    private static final int CONTEXT = 40;
    private static final String ELLIPSIS = "\u2026";
    /** The analysers whose terms are found in their words by {@link #needles}. */
    static final Set<String> NEEDLE_ANALYZERS = Set.of("it", "es", "en", "pt", ScriptoriumAnalysis.FALLBACK);

    private final Analyzer analyzer;
    /** Each clause of the query: a single term, or the terms of a phrase with their relative positions. */
    private final List<Clause> clauses;
    /** The clauses of single words, by their analysed term. */
    private final CharArrayMap<int[]> singles;
    /** The analysed terms of the phrases. */
    private final CharArraySet phraseTerms;
    private final List<OneEdit> approximate;
    /**
     * Beginnings of the query's terms that every word analysed to one of them contains, folded as
     * {@link #fold} folds text; null when the analyser gives no such guarantee or a term is too short.
     */
    private final char[][] needles;

    private QueryHighlighter(Analyzer analyzer, String analyzerName, List<Clause> clauses, List<OneEdit> approximate) {
        this.analyzer = analyzer;
        this.clauses = clauses;
        this.approximate = approximate;
        this.needles = approximate.isEmpty() ? needles(analyzerName, clauses) : null;
        this.singles = new CharArrayMap<>(clauses.size(), false);
        this.phraseTerms = new CharArraySet(4, false);
        for (int i = 0; i < clauses.size(); i++) {
            String[] terms = clauses.get(i).terms();
            if (terms.length == 1) {
                int[] before = singles.get(terms[0]);
                int[] ids = before == null ? new int[1] : Arrays.copyOf(before, before.length + 1);
                ids[ids.length - 1] = i;
                singles.put(terms[0], ids);
            } else {
                phraseTerms.addAll(Arrays.asList(terms));
            }
        }
    }

    /** A highlighter of the exact words and phrases of a query, for text analysed by the named analyser. */
    static QueryHighlighter exact(String query, String analyzerName) {
        Analyzer analyzer = ScriptoriumAnalysis.analyzer(analyzerName);
        List<Clause> clauses = new ArrayList<>();
        for (String part : parts(query)) {
            List<Token> tokens = tokens(analyzer, part, Integer.MAX_VALUE);
            if (tokens.isEmpty()) {
                continue;
            }
            if (part.startsWith("\"") && tokens.size() > 1) {
                String[] terms = new String[tokens.size()];
                int[] positions = new int[tokens.size()];
                for (int i = 0; i < tokens.size(); i++) {
                    terms[i] = tokens.get(i).term();
                    positions[i] = tokens.get(i).position() - tokens.get(0).position();
                }
                clauses.add(new Clause(terms, positions));
            } else {
                for (Token t : tokens) {
                    clauses.add(new Clause(new String[] {t.term()}, new int[] {0}));
                }
            }
        }
        return new QueryHighlighter(analyzer, analyzerName, List.copyOf(clauses), List.of());
    }

    /** A highlighter of the tokens within one edit of the given analysed words (the typo pass). */
    static QueryHighlighter approximate(List<OneEdit> words, String analyzerName) {
        List<Clause> clauses = new ArrayList<>();
        for (OneEdit w : words) {
            clauses.add(new Clause(new String[] {w.term()}, new int[] {0}));
        }
        return new QueryHighlighter(ScriptoriumAnalysis.analyzer(analyzerName), analyzerName, List.copyOf(clauses), List.copyOf(words));
    }

    /** The whole title with its matches marked. */
    String title(String title) {
        String text = Snippets.stripMarks(title);
        return mark(text, 0, text.length(), matches(text, 0, text.length(), false));
    }

    /** About {@value #SNIPPET} characters of the body around its best match, with the matches marked. */
    String snippet(String body) {
        String text = Snippets.stripMarks(body);
        int scanned = cut(text, Math.min(text.length(), SCAN));
        int from = firstCandidate(text, scanned);
        List<Span> spans = from < 0 ? new ArrayList<>() : matches(text, from, scanned, true);
        int start = spans.isEmpty() ? 0 : bestStart(text, spans);
        int end = end(text, start, spans);
        StringBuilder out = new StringBuilder(end - start + 16);
        if (start > 0 && !sentenceStart(text, start)) {
            out.append(ELLIPSIS);
        }
        out.append(mark(text, start, end, spans));
        if (end < text.length()) {
            out.append(ELLIPSIS);
        }
        return out.toString();
    }

    /**
     * The spans of text matching a clause, in order, between {@code from} (a token boundary) and
     * {@code limit}. With {@code stopEarly}, reading stops a passage's length after every clause has been found:
     * no later passage can bring more of them together than one around the first.
     */
    private List<Span> matches(String text, int from, int limit, boolean stopEarly) {
        List<Span> spans = new ArrayList<>();
        if (clauses.isEmpty() || limit <= from) {
            return spans;
        }
        List<Token> phraseTokens = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int allSeenAt = -1;
        try (TokenStream stream = analyzer.tokenStream("text", from == 0 && limit == text.length() ? text : text.substring(from, limit))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                int before = spans.size();
                if (approximate.isEmpty()) {
                    int[] hit = singles.get(term.buffer(), 0, term.length());
                    if (hit != null) {
                        for (int clause : hit) {
                            spans.add(new Span(from + offset.startOffset(), from + offset.endOffset(), clause));
                        }
                    }
                    if (phraseTerms.contains(term.buffer(), 0, term.length())) {
                        phraseTokens.add(new Token(term.toString(), from + offset.startOffset(), from + offset.endOffset(), position));
                        phrasesEndingAt(phraseTokens, spans);
                    }
                } else {
                    String token = term.toString();
                    for (int i = 0; i < approximate.size(); i++) {
                        if (approximate.get(i).accepts(token)) {
                            spans.add(new Span(from + offset.startOffset(), from + offset.endOffset(), i));
                        }
                    }
                }
                for (int i = before; i < spans.size(); i++) {
                    seen.add(spans.get(i).clause());
                }
                if (stopEarly && allSeenAt < 0 && seen.size() == clauses.size()) {
                    allSeenAt = from + offset.startOffset();
                }
                if (allSeenAt >= 0 && from + offset.startOffset() > allSeenAt + SNIPPET) {
                    break;
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        spans.sort(Comparator.comparingInt(Span::start));
        return spans;
    }

    /**
     * Where analysing a body may start without missing a match: the start of the word in which the first
     * needle appears, 0 when there are no needles, -1 when no needle appears within {@code limit} (then nothing
     * can match). Analysis is most of a snippet's cost, and the text before the first possible match is
     * usually most of what it would read.
     */
    int firstCandidate(String text, int limit) {
        if (needles == null) {
            return 0;
        }
        Folded folded = Folded.of(text, limit);
        int first = Integer.MAX_VALUE;
        for (char[] needle : needles) {
            int at = folded.indexOf(needle);
            if (at >= 0) {
                first = Math.min(first, folded.source()[at]);
            }
        }
        if (first == Integer.MAX_VALUE) {
            return -1;
        }
        int start = first;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    /**
     * The needles of the clauses' terms, or null. The Italian, Spanish, English and Portuguese chains (see
     * {@link ScriptoriumAnalysis}) change only the end of a word: elision and possessives remove an article
     * or an ending, their stemmers rewrite at most its last two letters ("luces" gives "luz", "happy" gives
     * "happi"), and lower case and ASCII folding act letter by letter. So a word analysed to a term of five
     * letters or more contains that term without its last two letters, once folded; the fallback chain has no
     * stemmer, so the word contains its whole term. {@code QueryHighlighterTest} checks this on text of every
     * language. The French stemmer also removes doubled letters anywhere ("commission" gives "comision") and
     * the German chain rewrites "ae", "oe" and "ue" anywhere, so those two get no needles.
     */
    private static char[][] needles(String analyzerName, List<Clause> clauses) {
        if (!NEEDLE_ANALYZERS.contains(analyzerName) || clauses.isEmpty()) {
            return null;
        }
        List<char[]> needles = new ArrayList<>();
        for (Clause clause : clauses) {
            for (String term : clause.terms()) {
                String needle = ScriptoriumAnalysis.FALLBACK.equals(analyzerName) ? term
                        : term.length() >= 5 ? term.substring(0, term.length() - 2) : null;
                if (needle == null || needle.length() < 3) {
                    return null;
                }
                needles.add(needle.toCharArray());
            }
        }
        return needles.toArray(char[][]::new);
    }

    /**
     * The first characters of a text in lower case and folded to ASCII as the analysers fold terms;
     * {@code source[i]} is the index in the text of folded character {@code i}.
     */
    record Folded(char[] chars, int[] source, int length) {

        static Folded of(String text, int limit) {
            char[] out = new char[limit + 16];
            int[] source = new int[out.length];
            char[] one = new char[1];
            char[] many = new char[8];
            int n = 0;
            for (int i = 0; i < limit; i++) {
                if (n + many.length > out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                    source = Arrays.copyOf(source, out.length);
                }
                char c = text.charAt(i);
                if (c < 0x80) {
                    out[n] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
                    source[n++] = i;
                    continue;
                }
                one[0] = Character.toLowerCase(c);
                int produced = ASCIIFoldingFilter.foldToASCII(one, 0, many, 0, 1);
                for (int k = 0; k < produced; k++) {
                    out[n] = many[k];
                    source[n++] = i;
                }
            }
            return new Folded(out, source, n);
        }

        int indexOf(char[] needle) {
            int last = length - needle.length;
            for (int i = 0; i <= last; i++) {
                int k = 0;
                while (k < needle.length && chars[i + k] == needle[k]) {
                    k++;
                }
                if (k == needle.length) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** Adds a span for each phrase whose last word is the token just read and whose other words precede it. */
    private void phrasesEndingAt(List<Token> tokens, List<Span> spans) {
        int lastIndex = tokens.size() - 1;
        Token last = tokens.get(lastIndex);
        for (int c = 0; c < clauses.size(); c++) {
            Clause clause = clauses.get(c);
            int n = clause.terms().length;
            if (n < 2 || !clause.terms()[n - 1].equals(last.term())) {
                continue;
            }
            int base = last.position() - clause.positions()[n - 1];
            int at = lastIndex;
            Token first = last;
            for (int k = n - 2; k >= 0 && first != null; k--) {
                int wanted = base + clause.positions()[k];
                at--;
                while (at >= 0 && tokens.get(at).position() > wanted) {
                    at--;
                }
                first = at >= 0 && tokens.get(at).position() == wanted && tokens.get(at).term().equals(clause.terms()[k])
                        ? tokens.get(at) : null;
            }
            if (first != null) {
                spans.add(new Span(first.start(), last.end(), c));
            }
        }
    }

    /** Where the passage starts: at the sentence of the match gathering the most different clauses. */
    private int bestStart(String text, List<Span> spans) {
        int bestStart = 0;
        int bestCount = -1;
        int candidates = Math.min(spans.size(), 64);
        for (int i = 0; i < candidates; i++) {
            int start = passageStart(text, spans.get(i).start());
            Set<Integer> distinct = new HashSet<>();
            for (Span s : spans) {
                if (s.start() >= start && s.end() <= start + SNIPPET) {
                    distinct.add(s.clause());
                }
            }
            if (distinct.size() > bestCount) {
                bestCount = distinct.size();
                bestStart = start;
                if (bestCount == clauses.size()) {
                    break;
                }
            }
        }
        return bestStart;
    }

    private static int passageStart(String text, int match) {
        int reach = Math.max(0, match - SENTENCE_REACH);
        for (int i = match; i > reach; i--) {
            if (sentenceStart(text, i)) {
                return i;
            }
        }
        if (reach == 0) {
            return 0;
        }
        int from = match - CONTEXT;
        int space = text.indexOf(' ', from);
        return space < 0 || space >= match ? match : space + 1;
    }

    private static boolean sentenceStart(String text, int i) {
        if (i == 0) {
            return true;
        }
        if (i < 2 || !Character.isWhitespace(text.charAt(i - 1))) {
            return false;
        }
        char end = text.charAt(i - 2);
        return end == '.' || end == '!' || end == '?' || end == ';' || end == '\u2026';
    }

    /** Where a passage starting at {@code start} ends: at a space near {@value #SNIPPET} characters, past any match it began. */
    private static int end(String text, int start, List<Span> spans) {
        int end = start + SNIPPET;
        if (end >= text.length()) {
            return text.length();
        }
        for (Span s : spans) {
            if (s.start() < end && s.end() > end) {
                return s.end();
            }
        }
        int space = text.lastIndexOf(' ', end);
        if (space > start + SNIPPET / 2) {
            return space;
        }
        return cut(text, Math.min(end, text.length()));
    }

    /** A cut position that does not split a surrogate pair. */
    private static int cut(String text, int at) {
        if (at > 0 && at < text.length() && Character.isHighSurrogate(text.charAt(at - 1))) {
            return at - 1;
        }
        return at;
    }

    private static String mark(String text, int start, int end, List<Span> spans) {
        StringBuilder out = new StringBuilder(end - start + 16);
        int at = start;
        int i = 0;
        while (i < spans.size()) {
            Span s = spans.get(i);
            int spanEnd = s.end();
            int j = i + 1;
            while (j < spans.size() && spans.get(j).start() <= spanEnd) {
                spanEnd = Math.max(spanEnd, spans.get(j).end());
                j++;
            }
            i = j;
            if (s.start() < at || spanEnd > end) {
                continue;
            }
            out.append(text, at, s.start()).append(Snippets.START).append(text, s.start(), spanEnd).append(Snippets.END);
            at = spanEnd;
        }
        out.append(text, at, end);
        return out.toString();
    }

    /** The words and quoted phrases of a query, without the excluded ones ({@code -word}, {@code -"a phrase"}). */
    static List<String> parts(String query) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c) || c == '|' || c == '+' || c == '(' || c == ')') {
                i++;
                continue;
            }
            boolean excluded = c == '-';
            if (excluded) {
                i++;
                if (i >= n) {
                    break;
                }
                c = query.charAt(i);
            }
            int end;
            String part;
            if (c == '"') {
                int close = query.indexOf('"', i + 1);
                end = close < 0 ? n : close + 1;
                part = query.substring(i, end);
            } else {
                end = i;
                while (end < n && !Character.isWhitespace(query.charAt(end)) && "|+()\"~".indexOf(query.charAt(end)) < 0) {
                    end++;
                }
                part = query.substring(i, end);
                if (end < n && query.charAt(end) == '~') {
                    end++;
                    while (end < n && Character.isDigit(query.charAt(end))) {
                        end++;
                    }
                }
                if (end == i) {
                    end = i + 1;
                }
            }
            if (!excluded && !part.isEmpty()) {
                parts.add(part);
            }
            i = end;
        }
        return parts;
    }

    private static List<Token> tokens(Analyzer analyzer, String text, int max) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken() && tokens.size() < max) {
                position += increment.getPositionIncrement();
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset(), position));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** The analysed terms of a text, in order. */
    static List<String> terms(String analyzerName, String text) {
        return tokens(ScriptoriumAnalysis.analyzer(analyzerName), text, 64).stream().map(Token::term).toList();
    }

    private record Clause(String[] terms, int[] positions) {
    }

    private record Token(String term, int start, int end, int position) {
    }

    private record Span(int start, int end, int clause) {
    }
}
