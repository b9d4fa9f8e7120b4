package org.scriptorium.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.scriptorium.i18n.application.LanguageNegotiation;

class LanguageNegotiationTest {

    private static final Set<String> ENABLED = new LinkedHashSet<>(List.of("it", "es", "en", "fr", "de", "pt"));

    private static String negotiate(Optional<String> cookie, String header) {
        return LanguageNegotiation.negotiate(ENABLED, "it", cookie, header);
    }

    @Test
    void anExplicitChoiceWinsOverTheBrowser() {
        assertThat(negotiate(Optional.of("pt"), "de-DE,de;q=0.9")).isEqualTo("pt");
    }

    @Test
    void aChoiceOfADisabledOrUnknownLanguageIsIgnored() {
        assertThat(negotiate(Optional.of("nl"), "fr")).isEqualTo("fr");
        assertThat(negotiate(Optional.of("<script>"), null)).isEqualTo("it");
    }

    @Test
    void theBrowsersPreferencesAreTakenInOrderOfWeightAndRegionIsIgnored() {
        assertThat(negotiate(Optional.empty(), "ja;q=0.9, pt-BR;q=0.8, en;q=0.7")).isEqualTo("pt");
        assertThat(negotiate(Optional.empty(), "en;q=0.2, es-MX")).isEqualTo("es");
        assertThat(negotiate(Optional.empty(), "de;q=0, fr;q=0.1")).isEqualTo("fr");
    }

    @Test
    void nothingUsableFallsBackToTheDefault() {
        assertThat(negotiate(Optional.empty(), null)).isEqualTo("it");
        assertThat(negotiate(Optional.empty(), "")).isEqualTo("it");
        assertThat(negotiate(Optional.empty(), "zh-CN")).isEqualTo("it");
        assertThat(negotiate(Optional.empty(), ";;;q=abc,\u0000")).isEqualTo("it");
    }
}
