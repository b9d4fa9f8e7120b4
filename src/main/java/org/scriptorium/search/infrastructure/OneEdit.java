package org.scriptorium.search.infrastructure;

import java.nio.charset.StandardCharsets;

import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

/**
 * The index terms within one edit of an analysed query word (a wrong, missing, extra or swapped letter; the
 * first letter must be right), as a compiled automaton.
 *
 * <p>Why a class of its own: compiling the automaton is the costly part of a typo search, and Lucene's
 * {@code FuzzyQuery} compiles a new one for every field it is given. A query word is searched in a title and
 * a body field per language, so one {@code OneEdit} is built per analysed word and shared by all the
 * {@link OneEditQuery} instances over those fields, and by the {@link QueryHighlighter} that marks the
 * approximate matches. Immutable and safe to share between threads.
 */
final class OneEdit {

    /** Letters at the start of the word that must match exactly, as in {@code fuzzy(1, 1)}. */
    static final int PREFIX = 1;

    private final String term;
    private final BytesRef bytes;
    private final CompiledAutomaton compiled;

    OneEdit(String term) {
        this.term = term;
        this.bytes = new BytesRef(term);
        int prefixEnd = term.isEmpty() ? 0 : term.offsetByCodePoints(0, Math.min(PREFIX, term.codePointCount(0, term.length())));
        Automaton automaton = new LevenshteinAutomata(term.substring(prefixEnd), true).toAutomaton(1, term.substring(0, prefixEnd));
        this.compiled = new CompiledAutomaton(automaton, true, false);
    }

    /** The analysed word. */
    String term() {
        return term;
    }

    /** The term as index bytes. */
    BytesRef bytes() {
        return bytes;
    }

    /** The automaton, for enumerating the matching terms of a field. */
    CompiledAutomaton compiled() {
        return compiled;
    }

    /** The number of code points of the analysed word. */
    int length() {
        return term.codePointCount(0, term.length());
    }

    /** Whether an analysed token is the word or within one edit of it. */
    boolean accepts(String token) {
        if (token.equals(term)) {
            return true;
        }
        byte[] utf8 = new byte[UnicodeUtil.maxUTF8Length(token.length())];
        int length = UnicodeUtil.UTF16toUTF8(token, 0, token.length(), utf8);
        return switch (compiled.type) {
            case NONE -> false;
            case ALL -> true;
            case SINGLE -> compiled.term.bytesEquals(new BytesRef(utf8, 0, length));
            case NORMAL -> compiled.runAutomaton.run(utf8, 0, length);
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OneEdit o && o.term.equals(term);
    }

    @Override
    public int hashCode() {
        return term.hashCode();
    }

    @Override
    public String toString() {
        return new String(bytes.bytes, bytes.offset, bytes.length, StandardCharsets.UTF_8) + "~1";
    }
}
