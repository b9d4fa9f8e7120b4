package org.scriptorium.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scriptorium.identity.application.Slugs;

/** Addresses made from titles in the site's languages and beyond: accents, ligatures, umlauts, other scripts. */
class SlugsTest {

    @Test
    void italianAccentsApostrophesAndLigaturesBecomePlainLetters() {
        assertThat(Slugs.of("Perché l'ÆON è già qui")).isEqualTo("perche-l-aeon-e-gia-qui");
        assertThat(Slugs.of("Città più belle d’Europa")).isEqualTo("citta-piu-belle-d-europa");
    }

    @Test
    void germanUmlautsAndSharpS() {
        assertThat(Slugs.of("Größere Übersicht für Bäcker")).isEqualTo("grossere-ubersicht-fur-backer");
        assertThat(Slugs.of("STRASSE ẞ")).startsWith("strasse");
    }

    @Test
    void spanishFrenchPortugueseAndNordicLetters() {
        assertThat(Slugs.of("¿Año nuevo, señal nueva?")).isEqualTo("ano-nuevo-senal-nueva");
        assertThat(Slugs.of("Œuvre çà et là")).isEqualTo("oeuvre-ca-et-la");
        assertThat(Slugs.of("Ação e tradução")).isEqualTo("acao-e-traducao");
        assertThat(Slugs.of("Søren Ørsted, Łódź")).isEqualTo("soren-orsted-lodz");
    }

    @Test
    void cyrillicAndGreekAreTransliterated() {
        assertThat(Slugs.of("Привет, мир")).isEqualTo("privet-mir");
        assertThat(Slugs.of("Щука и ёж")).isEqualTo("shchuka-i-ezh");
        assertThat(Slugs.of("Київ")).isEqualTo("kiyiv");
        assertThat(Slugs.of("Αθήνα")).isEqualTo("athina");
    }

    @Test
    void nothingUsableGivesAPlaceholderAndLongTitlesAreCut() {
        assertThat(Slugs.of("")).isEqualTo("n-a");
        assertThat(Slugs.of(null)).isEqualTo("n-a");
        assertThat(Slugs.of("😀 ☃ 中文")).isEqualTo("n-a");
        String slug = Slugs.of("parola ".repeat(30));
        assertThat(slug.length()).isLessThanOrEqualTo(80);
        assertThat(slug).doesNotEndWith("-").matches("[a-z0-9-]+");
    }
}
