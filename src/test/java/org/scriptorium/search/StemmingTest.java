package org.scriptorium.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each language finds the forms of a word that readers type: plurals, inflections, elided articles, missing
 * accents. Every case publishes a text with one form and searches, in the same language, with another; and
 * the same query in another language does not find it.
 */
class StemmingTest {

    private static SearchFixture fixture;
    private static final Map<String, Long> ARTICLES = new HashMap<>();

    static Stream<Arguments> cases() {
        return Stream.of(
                // Italian: plural finds singular, elision, accents
                Arguments.of("it", "Il gatto del vicino dorme sul tetto", "gatti"),
                Arguments.of("it", "Una biblioteca pubblica presta un libro raro", "libri"),
                Arguments.of("it", "Parliamo di intelligenza artificiale a scuola", "l'intelligenza"),
                Arguments.of("it", "Il futuro dell'economia circolare nei comuni", "economia"),
                Arguments.of("it", "La città di provincia cambia volto", "citta"),
                // Spanish
                Arguments.of("es", "Las ciudades pequeñas atraen a los jóvenes", "ciudad"),
                Arguments.of("es", "El niño aprende a programar con su abuela", "niños"),
                Arguments.of("es", "Las economías regionales crecen despacio", "economia"),
                // English
                Arguments.of("en", "Policies for rural broadband are changing", "policy"),
                Arguments.of("en", "She was running the newsroom alone", "run"),
                Arguments.of("en", "Europe's small publishers look for readers", "europe"),
                // French: elision, plurals, accents
                Arguments.of("fr", "Le rôle de l'intelligence dans les rédactions", "intelligence"),
                Arguments.of("fr", "Les chevaux du village ont disparu", "cheval"),
                Arguments.of("fr", "Une politique d'énergie pour les régions", "energies"),
                // German: inflection without compounds, umlauts
                Arguments.of("de", "Die Häuser am Fluss werden renoviert", "Haus"),
                Arguments.of("de", "Viele Kinder lernen heute programmieren", "Kind"),
                Arguments.of("de", "Die Städte im Norden wachsen", "Stadt"),
                // Portuguese
                Arguments.of("pt", "As cidades do interior perdem habitantes", "cidade"),
                Arguments.of("pt", "As canções populares voltam à rádio", "canção"),
                Arguments.of("pt", "A política local decide o orçamento", "politicas"));
    }

    @BeforeAll
    static void publishAll() {
        fixture = new SearchFixture();
        cases().forEach(a -> {
            String lang = (String) a.get()[0];
            String text = (String) a.get()[1];
            ARTICLES.put(text, fixture.publish(lang, text, text + ". Un testo di prova."));
        });
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @ParameterizedTest(name = "[{0}] \"{2}\" finds \"{1}\"")
    @MethodSource("cases")
    void aFormOfTheWordFindsTheText(String language, String text, String query) {
        assertThat(fixture.articleIds(language, query)).contains(ARTICLES.get(text));
        String other = "de".equals(language) ? "it" : "de";
        assertThat(fixture.articleIds(other, query)).doesNotContain(ARTICLES.get(text));
    }
}
