package org.scriptorium.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.scriptorium.content.domain.Article;
import org.scriptorium.content.domain.ArticleTranslation;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.identity.domain.User;

/** Field-by-field detection of translations whose source changed after they were made from it. */
class OutdatedDetectionTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private final Article article = new Article(new User("a@example.org", "Ada", "ada", "x", Set.of(Role.AUTHOR), T0), "it", T0);
    private final ArticleTranslation italian = article.addTranslation("it", "Titolo", "titolo", "<p>Testo</p>", T0);
    private final ArticleTranslation spanish = article.addTranslation("es", "Título", "titulo", "<p>Texto</p>", T0);

    private void editItalian(String title, String excerpt, String body, String seoTitle, String seoDescription) {
        italian.edit(title, excerpt, body, seoTitle, seoDescription, T0.plusSeconds(60));
    }

    @Test
    void aTranslationJustMadeFromItsSourceIsUpToDate() {
        spanish.translatedFrom(italian);
        assertThat(spanish.checkAgainstSource()).isEmpty();
        assertThat(spanish.isOutdated()).isFalse();
    }

    @Test
    void eachChangedFieldOfTheSourceIsNamedAndNoOther() {
        editItalian("Titolo", null, "<p>Testo</p>", null, null);
        spanish.translatedFrom(italian);

        editItalian("Titolo nuovo", null, "<p>Testo</p>", null, null);
        assertThat(spanish.checkAgainstSource()).containsExactly("title");
        assertThat(spanish.getOutdatedFields()).containsExactly("title");

        editItalian("Titolo nuovo", "Un sommario", "<p>Testo cambiato</p>", null, "Descrizione");
        assertThat(spanish.checkAgainstSource()).containsExactlyInAnyOrder("title", "excerpt", "body", "seoDescription");
        assertThat(spanish.getOutdatedFields()).doesNotContain("seoTitle");
    }

    @Test
    void aSourceChangedBackToTheTranslatedTextClearsTheMark() {
        spanish.translatedFrom(italian);
        editItalian("Altro", null, "<p>Testo</p>", null, null);
        assertThat(spanish.checkAgainstSource()).containsExactly("title");
        editItalian("Titolo", null, "<p>Testo</p>", null, null);
        assertThat(spanish.checkAgainstSource()).isEmpty();
        assertThat(spanish.isOutdated()).isFalse();
    }

    @Test
    void markingUpToDateTakesTheSourcesCurrentTextAsTheNewReference() {
        spanish.translatedFrom(italian);
        editItalian("Titolo due", null, "<p>Testo</p>", null, null);
        spanish.checkAgainstSource();
        assertThat(spanish.isOutdated()).isTrue();

        spanish.markUpToDate();
        assertThat(spanish.isOutdated()).isFalse();
        assertThat(spanish.getSource()).hasValueSatisfying(ref -> assertThat(ref.getRevision()).isEqualTo(italian.getRevision()));

        editItalian("Titolo due", null, "<p>Testo tre</p>", null, null);
        assertThat(spanish.checkAgainstSource()).containsExactly("body");
    }

    @Test
    void aTranslationMadeFromNoOtherIsNeverOutdated() {
        editItalian("Cambiato", null, "<p>Cambiato</p>", null, null);
        assertThat(spanish.checkAgainstSource()).isEmpty();
        assertThat(italian.checkAgainstSource()).isEmpty();
    }

    @Test
    void whitespaceOrAnIdenticalSaveDoesNotRaiseTheRevision() {
        int before = italian.getRevision();
        editItalian("Titolo", null, "<p>Testo</p>", null, null);
        assertThat(italian.getRevision()).isEqualTo(before);
    }
}
