package org.scriptorium.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.content.application.ArticleForm;
import org.scriptorium.content.application.ArticleView;
import org.scriptorium.content.application.EditableArticle;
import org.scriptorium.content.application.EditorialException;
import org.scriptorium.content.application.EditorialException.Reason;
import org.scriptorium.content.application.EditorialFigures;
import org.scriptorium.content.application.EditorialService;
import org.scriptorium.content.application.EditorialService.FieldDiff;
import org.scriptorium.content.application.EditorialService.Intent;
import org.scriptorium.content.application.EditorialService.MatrixRow;
import org.scriptorium.content.application.EditorialService.OutdatedReport;
import org.scriptorium.content.application.EditorialService.RevisionEntry;
import org.scriptorium.content.application.SaveOutcome;
import org.scriptorium.content.application.TextDiff;
import org.scriptorium.content.domain.PublicationStatus;
import org.scriptorium.content.infrastructure.JpaArticleRepository;
import org.scriptorium.i18n.infrastructure.JpaSiteLanguageRepository;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.identity.domain.User;
import org.scriptorium.platform.audit.AuditEvent;
import org.scriptorium.testing.DirectEvents;
import org.scriptorium.testing.MutableClock;
import org.scriptorium.testing.RecordingEvents;
import org.scriptorium.testing.TestDatabase;
import org.scriptorium.testing.TestServices;

/**
 * The translation workflow and the revision history through {@link EditorialService} on a real database
 * (H2, or PostgreSQL with -Ppostgres) with Hibernate Envers: translating from a source, outdated marking by
 * field with the diff since, marking up to date, revisions with compare and restore, the preview, the matrix,
 * the dashboard counts, audit events and what each role may do.
 */
class TranslationWorkflowTest {

    private static final String EDITOR = "wf-editor@scriptorium.test";
    private static final String AUTHOR = "wf-author@scriptorium.test";
    private static final String OTHER_AUTHOR = "wf-other@scriptorium.test";
    private static final String TRANSLATOR = "wf-translator@scriptorium.test";

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    private static TestDatabase db;
    private final RecordingEvents events = new RecordingEvents();
    private final DirectEvents<AuditEvent> audit = new DirectEvents<>();

    @BeforeAll
    static void load() {
        db = TestDatabase.create();
        db.run(em -> TestServices.demo(em, CLOCK).loadIfEmpty());
        db.run(em -> {
            var users = TestServices.users(em, CLOCK);
            users.create(EDITOR, "Erica Editor", "pw-editor-123", Set.of(Role.EDITOR));
            users.create(AUTHOR, "Aldo Autore", "pw-author-123", Set.of(Role.AUTHOR));
            users.create(OTHER_AUTHOR, "Olga Other", "pw-author-456", Set.of(Role.AUTHOR));
            User translator = users.create(TRANSLATOR, "Tina Traductora", "pw-transl-123", Set.of(Role.TRANSLATOR));
            translator.assignTranslatorLanguages(Set.of("es"));
        });
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private <T> T editorial(Function<EditorialService, T> work) {
        return db.inTransaction(em -> work.apply(TestServices.editorial(em, CLOCK, events, audit)));
    }

    private static Reason refusal(Runnable action) {
        try {
            action.run();
        } catch (EditorialException e) {
            return e.reason();
        }
        throw new AssertionError("not refused");
    }

    private SaveOutcome italianArticle(String who, String title) {
        return editorial(s -> s.save(who, new ArticleForm(null, "it", title, "", "Sommario", "<p>Il gatto dorme.</p>",
                "", "", List.of(), "", true, 0), Intent.PUBLISH, Optional.empty()));
    }

    private ArticleForm opened(String who, long id, String lang) {
        return editorial(s -> s.open(who, Optional.of(id), lang)).form();
    }

    private SaveOutcome saveWith(String who, ArticleForm f, String title, String body) {
        ArticleForm changed = new ArticleForm(f.articleId(), f.language(), title, f.slug(), f.excerpt(), body, f.seoTitle(),
                f.seoDescription(), f.categoryIds(), f.tags(), f.commentsOpen(), f.version());
        return editorial(s -> s.save(who, changed, Intent.SAVE, Optional.empty()));
    }

    /** Translates the Italian article into Spanish as the translator, from the prefilled form. */
    private SaveOutcome translateIntoSpanish(long id) {
        EditableArticle prefilled = editorial(s -> s.open(TRANSLATOR, Optional.of(id), "es", Optional.of("it")));
        assertThat(prefilled.exists()).isFalse();
        assertThat(prefilled.translatedFrom()).contains("it");
        ArticleForm f = prefilled.form();
        ArticleForm spanish = new ArticleForm(id, "es", "El gato duerme", "", f.excerpt(), "<p>El gato duerme.</p>",
                f.seoTitle(), f.seoDescription(), f.categoryIds(), f.tags(), f.commentsOpen(), 0);
        return editorial(s -> s.save(TRANSLATOR, spanish, Intent.PUBLISH, Optional.empty(), Optional.of("it")));
    }

    @Test
    void translateIntoPrefillsFromTheSourceAndRecordsIt() {
        SaveOutcome it = italianArticle(EDITOR, "Il gatto dorme");
        EditableArticle prefilled = editorial(s -> s.open(TRANSLATOR, Optional.of(it.articleId()), "es", Optional.of("it")));
        assertThat(prefilled.form().title()).isEqualTo("Il gatto dorme");
        assertThat(prefilled.form().body()).isEqualTo("<p>Il gatto dorme.</p>");
        assertThat(prefilled.form().slug()).isEmpty();

        SaveOutcome es = translateIntoSpanish(it.articleId());
        assertThat(es.status()).isEqualTo(PublicationStatus.PUBLISHED);
        EditableArticle spanish = editorial(s -> s.open(TRANSLATOR, Optional.of(it.articleId()), "es"));
        assertThat(spanish.translatedFrom()).contains("it");
        assertThat(spanish.isOutdated()).isFalse();
        assertThat(spanish.languages()).containsExactly("es", "it");
        assertThat(editorial(s -> s.source(TRANSLATOR, it.articleId(), "it")).title()).isEqualTo("Il gatto dorme");
    }

    @Test
    void editingTheSourceMarksTheTranslationOutdatedNamingTheFieldAndShowingTheDiff() {
        SaveOutcome it = italianArticle(EDITOR, "La volpe salta");
        translateIntoSpanish(it.articleId());

        saveWith(EDITOR, opened(EDITOR, it.articleId(), "it"), "La volpe salta", "<p>Il gatto dorme sul divano.</p>");

        EditableArticle spanish = editorial(s -> s.open(TRANSLATOR, Optional.of(it.articleId()), "es"));
        assertThat(spanish.outdatedFields()).containsExactly("body");
        OutdatedReport report = editorial(s -> s.outdated(TRANSLATOR, it.articleId(), "es")).orElseThrow();
        assertThat(report.sourceLanguage()).isEqualTo("it");
        assertThat(report.diffs()).extracting(FieldDiff::field).containsExactly("body");
        assertThat(report.diffs().get(0).segments()).anySatisfy(seg -> {
            assertThat(seg.kind()).isEqualTo(TextDiff.Kind.ADDED);
            assertThat(seg.text()).contains("sul divano");
        });
        assertThat(editorial(s -> s.matrix(EDITOR, 1, 100)).items().stream()
                .filter(r -> r.articleId() == it.articleId()).findFirst().orElseThrow().cells())
                .anySatisfy(c -> {
                    assertThat(c.language()).isEqualTo("es");
                    assertThat(c.state()).isEqualTo("OUTDATED");
                });

        editorial(s -> {
            s.markUpToDate(TRANSLATOR, it.articleId(), "es");
            return null;
        });
        assertThat(editorial(s -> s.open(TRANSLATOR, Optional.of(it.articleId()), "es")).isOutdated()).isFalse();
        assertThat(audit.fired()).extracting(AuditEvent::action).contains("translation.up-to-date");

        saveWith(EDITOR, opened(EDITOR, it.articleId(), "it"), "La volpe non salta più", "<p>Il gatto dorme sul divano.</p>");
        assertThat(editorial(s -> s.open(TRANSLATOR, Optional.of(it.articleId()), "es")).outdatedFields())
                .containsExactly("title");
    }

    @Test
    void everySaveIsARevisionThatCanBeComparedAndRestored() {
        SaveOutcome it = italianArticle(EDITOR, "Prima versione");
        saveWith(EDITOR, opened(EDITOR, it.articleId(), "it"), "Seconda versione", "<p>Il cane corre.</p>");
        saveWith(EDITOR, opened(EDITOR, it.articleId(), "it"), "Terza versione", "<p>Il cane corre <script>x()</script>veloce.</p>");

        List<RevisionEntry> revisions = editorial(s -> s.revisions(EDITOR, it.articleId(), "it"));
        assertThat(revisions).extracting(RevisionEntry::title).containsExactly("Terza versione", "Seconda versione", "Prima versione");
        assertThat(revisions).allSatisfy(r -> assertThat(r.savedBy()).isEqualTo(EDITOR));
        long first = revisions.get(2).number();
        long last = revisions.get(0).number();

        List<FieldDiff> diffs = editorial(s -> s.compare(EDITOR, it.articleId(), "it", first, last));
        assertThat(diffs).filteredOn(FieldDiff::changed).extracting(FieldDiff::field).containsExactly("title", "body")
                .doesNotContain("excerpt");
        FieldDiff title = diffs.get(0);
        assertThat(title.segments()).extracting(TextDiff.Segment::text).contains("Prima", "Terza");

        SaveOutcome restored = editorial(s -> s.restore(EDITOR, it.articleId(), "it", first));
        assertThat(restored.slug()).as("the address stays").isEqualTo(opened(EDITOR, it.articleId(), "it").slug());
        ArticleForm now = opened(EDITOR, it.articleId(), "it");
        assertThat(now.title()).isEqualTo("Prima versione");
        assertThat(now.body()).isEqualTo("<p>Il gatto dorme.</p>");
        List<RevisionEntry> afterRestore = editorial(s -> s.revisions(EDITOR, it.articleId(), "it"));
        assertThat(afterRestore).hasSize(4);
        assertThat(audit.fired()).extracting(AuditEvent::action).contains("article.publish", "article.save", "article.restore");
        assertThat(audit.fired()).allSatisfy(e -> assertThat(e.target()).startsWith("article:"));
    }

    @Test
    void restoringTheSourceAlsoMarksItsTranslationsOutdated() {
        SaveOutcome it = italianArticle(EDITOR, "Il ritorno");
        long original = editorial(s -> s.revisions(EDITOR, it.articleId(), "it")).get(0).number();
        saveWith(EDITOR, opened(EDITOR, it.articleId(), "it"), "Il ritorno atteso", "<p>Il gatto dorme.</p>");
        translateIntoSpanish(it.articleId());
        editorial(s -> s.restore(EDITOR, it.articleId(), "it", original));
        assertThat(editorial(s -> s.open(EDITOR, Optional.of(it.articleId()), "es")).outdatedFields()).containsExactly("title");
    }

    @Test
    void thePreviewShowsADraftAsThePublicPageWouldAndOnlyToThoseWhoMayWorkOnIt() {
        SaveOutcome draft = editorial(s -> s.save(AUTHOR, new ArticleForm(null, "it", "Bozza segreta", "", "", "<p>Non ancora</p>",
                "", "", List.of(), "", true, 0), Intent.SAVE, Optional.empty()));
        ArticleView view = editorial(s -> s.preview(AUTHOR, draft.articleId(), "it"));
        assertThat(view.title()).isEqualTo("Bozza segreta");
        assertThat(view.bodyHtml()).isEqualTo("<p>Non ancora</p>");
        assertThat(editorial(s -> s.preview(EDITOR, draft.articleId(), "it")).title()).isEqualTo("Bozza segreta");
        assertThat(refusal(() -> editorial(s -> s.preview(OTHER_AUTHOR, draft.articleId(), "it")))).isEqualTo(Reason.FORBIDDEN);
        assertThat(refusal(() -> editorial(s -> s.preview(EDITOR, draft.articleId(), "fr")))).isEqualTo(Reason.NOT_FOUND);
    }

    @Test
    void translatorsActOnlyInTheirLanguagesAndAuthorsOnlyOnTheirArticles() {
        SaveOutcome own = italianArticle(AUTHOR, "Articolo di Aldo");
        long id = own.articleId();
        assertThat(refusal(() -> editorial(s -> s.open(TRANSLATOR, Optional.of(id), "fr", Optional.of("it")))))
                .isEqualTo(Reason.FORBIDDEN);
        assertThat(refusal(() -> editorial(s -> s.revisions(TRANSLATOR, id, "it")))).isEqualTo(Reason.FORBIDDEN);
        long rev = editorial(s -> s.revisions(AUTHOR, id, "it")).get(0).number();
        assertThat(refusal(() -> editorial(s -> s.restore(TRANSLATOR, id, "it", rev)))).isEqualTo(Reason.FORBIDDEN);
        assertThat(refusal(() -> editorial(s -> s.restore(OTHER_AUTHOR, id, "it", rev)))).isEqualTo(Reason.FORBIDDEN);
        assertThat(refusal(() -> editorial(s -> {
            s.markUpToDate(OTHER_AUTHOR, id, "it");
            return null;
        }))).isEqualTo(Reason.FORBIDDEN);
        assertThat(refusal(() -> editorial(s -> s.source(OTHER_AUTHOR, id, "it")))).isEqualTo(Reason.FORBIDDEN);

        translateIntoSpanish(id);
        MatrixRow row = editorial(s -> s.matrix(TRANSLATOR, 1, 500)).items().stream()
                .filter(r -> r.articleId() == id).findFirst().orElseThrow();
        assertThat(row.cells()).filteredOn(c -> c.mayEdit()).extracting(c -> c.language()).containsExactly("es");
        assertThat(editorial(s -> s.matrix(OTHER_AUTHOR, 1, 500)).items()).noneMatch(r -> r.articleId() == id);
        assertThat(editorial(s -> s.matrix(AUTHOR, 1, 500)).items()).anyMatch(r -> r.articleId() == id);
    }

    @Test
    void aFeaturedImageComesFromTheMediaLibraryAndItsDescriptionIsPerLanguage() {
        SaveOutcome it = italianArticle(EDITOR, "Con immagine");
        ArticleForm f = opened(EDITOR, it.articleId(), "it");
        ArticleForm withImage = new ArticleForm(f.articleId(), "it", f.title(), f.slug(), f.excerpt(), f.body(), f.seoTitle(),
                f.seoDescription(), f.categoryIds(), f.tags(), f.commentsOpen(), f.version(), "/media/gatto.png", "Un gatto");
        editorial(s -> s.save(EDITOR, withImage, Intent.SAVE, Optional.empty()));
        ArticleForm again = opened(EDITOR, it.articleId(), "it");
        assertThat(again.featuredImage()).isEqualTo("/media/gatto.png");
        assertThat(again.imageAlt()).isEqualTo("Un gatto");
        assertThat(editorial(s -> s.preview(EDITOR, it.articleId(), "it")).image()).isEqualTo("/media/gatto.png");

        ArticleForm outside = new ArticleForm(f.articleId(), "it", f.title(), f.slug(), f.excerpt(), f.body(), f.seoTitle(),
                f.seoDescription(), f.categoryIds(), f.tags(), f.commentsOpen(), again.version(), "https://evil.example/x.png", "");
        EditorialException refused = null;
        try {
            editorial(s -> s.save(EDITOR, outside, Intent.SAVE, Optional.empty()));
        } catch (EditorialException e) {
            refused = e;
        }
        assertThat(refused).isNotNull();
        assertThat(refused.field()).isEqualTo("featuredImage");
    }

    @Test
    void dashboardFiguresCountDraftsScheduledMissingAndOutdated() {
        EditorialFigures figures = db.inTransaction(em -> new EditorialFigures(new JpaArticleRepository(em),
                new JpaSiteLanguageRepository(em)));
        long outdatedBefore = db.inTransaction(em -> new EditorialFigures(new JpaArticleRepository(em),
                new JpaSiteLanguageRepository(em)).outdated());
        long draftsBefore = db.inTransaction(em -> new EditorialFigures(new JpaArticleRepository(em),
                new JpaSiteLanguageRepository(em)).withStatus(PublicationStatus.DRAFT));
        long missingBefore = db.inTransaction(em -> new EditorialFigures(new JpaArticleRepository(em),
                new JpaSiteLanguageRepository(em)).missing());
        assertThat(figures).isNotNull();

        SaveOutcome it = italianArticle(EDITOR, "Da contare");
        translateIntoSpanish(it.articleId());
        saveWith(EDITOR, opened(EDITOR, it.articleId(), "it"), "Da contare ancora", "<p>Il gatto dorme.</p>");
        editorial(s -> s.save(EDITOR, new ArticleForm(null, "fr", "Brouillon", "", "", "<p>x</p>", "", "", List.of(), "",
                true, 0), Intent.SAVE, Optional.empty()));

        db.run(em -> {
            EditorialFigures f = new EditorialFigures(new JpaArticleRepository(em), new JpaSiteLanguageRepository(em));
            assertThat(f.outdated()).isEqualTo(outdatedBefore + 1);
            assertThat(f.withStatus(PublicationStatus.DRAFT)).isEqualTo(draftsBefore + 1);
            long languages = new JpaSiteLanguageRepository(em).findAll().stream().filter(l -> l.isEnabled()).count();
            assertThat(f.missing()).isEqualTo(missingBefore + (languages - 2) + (languages - 1));
        });
    }

    @Test
    void aTranslatorsSaveLeavesWhatAllLanguagesShareAsItIs() {
        long category = editorial(s -> s.categoryChoices("it")).get(0).id();
        SaveOutcome it = editorial(s -> s.save(EDITOR, new ArticleForm(null, "it", "Condiviso", "", "", "<p>Testo</p>", "", "",
                List.of(category), "giardini, città", false, 0, "/media/condiviso.png", "Alt"), Intent.PUBLISH, Optional.empty()));
        EditableArticle prefilled = editorial(s -> s.open(TRANSLATOR, Optional.of(it.articleId()), "es", Optional.of("it")));
        assertThat(prefilled.sharedEditable()).isFalse();
        ArticleForm f = prefilled.form();
        ArticleForm stripped = new ArticleForm(it.articleId(), "es", "Compartido", "", "", "<p>Texto</p>", "", "", List.of(),
                "otra", true, 0, "", "Texto alternativo");
        editorial(s -> s.save(TRANSLATOR, stripped, Intent.SAVE, Optional.empty(), Optional.of("it")));

        ArticleForm italian = opened(EDITOR, it.articleId(), "it");
        assertThat(italian.categoryIds()).containsExactly(category);
        assertThat(italian.tags()).contains("giardini").contains("città");
        assertThat(italian.featuredImage()).isEqualTo("/media/condiviso.png");
        assertThat(italian.commentsOpen()).isFalse();
        assertThat(opened(EDITOR, it.articleId(), "es").imageAlt()).isEqualTo("Texto alternativo");
        assertThat(f.categoryIds()).containsExactly(category);
        assertThat(editorial(s -> s.open(EDITOR, Optional.of(it.articleId()), "es")).sharedEditable()).isTrue();
    }

    @Test
    void anEditorsSaveInALanguageKeepsTagsThatHaveNoNameInIt() {
        SaveOutcome it = editorial(s -> s.save(EDITOR, new ArticleForm(null, "it", "Etichette", "", "", "<p>Testo</p>", "", "",
                List.of(), "solo-italiano", true, 0), Intent.SAVE, Optional.empty()));
        ArticleForm blankFrench = new ArticleForm(it.articleId(), "fr", "Étiquettes", "", "", "<p>Texte</p>", "", "",
                List.of(), "", true, 0);
        editorial(s -> s.save(EDITOR, blankFrench, Intent.SAVE, Optional.empty()));
        assertThat(opened(EDITOR, it.articleId(), "it").tags()).isEqualTo("solo-italiano");
    }
}
