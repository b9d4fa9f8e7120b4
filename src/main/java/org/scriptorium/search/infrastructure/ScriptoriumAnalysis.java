package org.scriptorium.search.infrastructure;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * Every analyser of the search index, in one place: one per site language with a stemmer of its own
 * (it, es, en, fr, de, pt), and {@value #FALLBACK} for any other language an administrator enables.
 *
 * <p>Each language chain is: standard tokenizer, elision of articles (Italian and French: "l'intelligenza"
 * is indexed as "intelligenza"), lower case, the language's stop words, a light stemmer (so a plural finds its
 * singular), then ASCII folding so that a reader who types "citta" or "Hauser" still finds "città" and
 * "Häuser". Folding comes after stemming because the stemmers know the accented forms of their language.
 * The same chain analyses documents and queries; the keyword normaliser {@value #KEYWORD} serves facets.
 *
 * <p>Analysers are given as Lucene instances rather than by factory names so that the article lists of the
 * elision filters live in code, not in resource files.
 */
public class ScriptoriumAnalysis implements LuceneAnalysisConfigurer {

    /** The analyser of languages without one of their own. */
    public static final String FALLBACK = "fallback";
    /** The normaliser of keyword fields. */
    public static final String KEYWORD = "keyword";
    /** The languages that have an analyser of their own. */
    public static final List<String> LANGUAGES = List.of("it", "es", "en", "fr", "de", "pt");

    private static final CharArraySet ITALIAN_ARTICLES = new CharArraySet(Arrays.asList(
            "c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl", "negl",
            "sugl", "un", "m", "t", "s", "v", "d", "quest", "quell", "anch"), true);
    private static final CharArraySet FRENCH_ARTICLES = new CharArraySet(Arrays.asList(
            "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"), true);

    private static final Map<String, Analyzer> ANALYZERS = Map.of(
            "it", chain(s -> new ElisionFilter(s, ITALIAN_ARTICLES), ItalianAnalyzer.getDefaultStopSet(),
                    ItalianLightStemFilter::new),
            "es", chain(UnaryOperator.identity(), SpanishAnalyzer.getDefaultStopSet(), SpanishLightStemFilter::new),
            "en", chain(EnglishPossessiveFilter::new, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, PorterStemFilter::new),
            "fr", chain(s -> new ElisionFilter(s, FRENCH_ARTICLES), FrenchAnalyzer.getDefaultStopSet(),
                    FrenchLightStemFilter::new),
            "de", chain(UnaryOperator.identity(), GermanAnalyzer.getDefaultStopSet(),
                    s -> new GermanLightStemFilter(new GermanNormalizationFilter(s))),
            "pt", chain(UnaryOperator.identity(), PortugueseAnalyzer.getDefaultStopSet(), PortugueseLightStemFilter::new),
            FALLBACK, chain(UnaryOperator.identity(), CharArraySet.EMPTY_SET, UnaryOperator.identity()));

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        ANALYZERS.forEach((name, analyzer) -> context.analyzer(name).instance(analyzer));
        context.normalizer(KEYWORD).custom().tokenFilter("lowercase").tokenFilter("asciiFolding");
    }

    /** The analyser a language's text is indexed with: its own, or the fallback. */
    public static String analyzerFor(String language) {
        return LANGUAGES.contains(language) ? language : FALLBACK;
    }

    /** The Lucene analyser of a name given by {@link #analyzerFor(String)}; for tests and tools. */
    public static Analyzer analyzer(String name) {
        return ANALYZERS.get(name);
    }

    private static Analyzer chain(UnaryOperator<TokenStream> beforeLowerCase, CharArraySet stopWords,
                                  UnaryOperator<TokenStream> stemmer) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = beforeLowerCase.apply(source);
                stream = new LowerCaseFilter(stream);
                if (!stopWords.isEmpty()) {
                    stream = new StopFilter(stream, stopWords);
                }
                stream = stemmer.apply(stream);
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(stream));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }
}
