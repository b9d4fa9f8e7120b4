package org.scriptorium.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scriptorium.content.application.ArticleForm;
import org.scriptorium.content.application.ArticleLookup;
import org.scriptorium.content.application.ArticleRow;
import org.scriptorium.content.application.EditableArticle;
import org.scriptorium.content.application.EditorialException;
import org.scriptorium.content.application.EditorialException.Reason;
import org.scriptorium.content.application.EditorialService;
import org.scriptorium.content.application.EditorialService.ArticleFilter;
import org.scriptorium.content.application.EditorialService.Intent;
import org.scriptorium.content.application.Paged;
import org.scriptorium.content.application.SaveOutcome;
import org.scriptorium.content.domain.ArticlePublished;
import org.scriptorium.content.domain.ArticleUnpublished;
import org.scriptorium.content.domain.ArticleUpdated;
import org.scriptorium.content.domain.EditorialQuery;
import org.scriptorium.content.domain.PublicationStatus;
import org.scriptorium.content.domain.SlugKind;
import org.scriptorium.content.domain.SlugRedirect;
import org.scriptorium.content.infrastructure.JpaSlugRedirectRepository;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.identity.domain.User;
import org.scriptorium.testing.MutableClock;
import org.scriptorium.testing.RecordingEvents;
import org.scriptorium.testing.TestDatabase;
import org.scriptorium.testing.TestServices;

/**
 * Writing articles through {@link EditorialService} on a real database (H2, or PostgreSQL with -Ppostgres)
 * loaded with the demo magazine: creating, editing, sanitising, slugs and their redirects, the publication
 * states and their events, scheduled publishing, and what each role may do.
 */
class EditorialServiceTest {

    private static final String EDITOR = "editor@scriptorium.test";
    private static final String AUTHOR = "author@scriptorium.test";
    private static final String OTHER_AUTHOR = "other-author@scriptorium.test";
    private static final String TRANSLATOR = "translator@scriptorium.test";
    private static final String MODERATOR = "moderator@scriptorium.test";

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    private static TestDatabase db;
    private final RecordingEvents events = new RecordingEvents();

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
            users.create(MODERATOR, "Mario Moderatore", "pw-moder-123", Set.of(Role.MODERATOR));
        });
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void resetClock() {
        CLOCK.set(Instant.parse("2026-11-27T12:00:00Z"));
    }

    private <T> T editorial(Function<EditorialService, T> work) {
        return db.inTransaction(em -> work.apply(TestServices.editorial(em, CLOCK, events)));
    }

    private static ArticleForm form(Long id, String lang, String title, String slug, String body) {
        return new ArticleForm(id, lang, title, slug, "An excerpt", body, "", "", List.of(), "", true, 0);
    }

    private SaveOutcome create(String who, String lang, String title, Intent intent) {
        return editorial(s -> s.save(who, form(null, lang, title, "", "<p>Text</p>"), intent, Optional.empty()));
    }

    private static ArticleLookup lookup(String language, String slug) {
        return db.inTransaction(em -> TestServices.reading(em, CLOCK).article(language, slug));
    }

    private static Optional<SlugRedirect> redirect(String language, String slug) {
        return db.inTransaction(em -> new JpaSlugRedirectRepository(em).find(SlugKind.ARTICLE, language, slug));
    }

    private static Reason refusal(Runnable action) {
        try {
            action.run();
        } catch (EditorialException e) {
            return e.reason();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aNewArticleIsADraftWithASlugFromTheTitleAndASanitisedBody() {
        String dirty = "<h2>Città</h2><p onclick=\"steal()\">Hello <strong>world</strong> <a href=\"javascript:alert(1)\">x</a>"
                + " <a href=\"https://example.org/a\">link</a></p><script>alert('x')</script>"
                + "<img src=\"https://example.org/i.png\" alt=\"Alt\" onerror=\"boom()\"><ul><li>one</li></ul>";
        SaveOutcome saved = editorial(s -> s.save(EDITOR, new ArticleForm(null, "it", "  Città più belle d’Europa  ", "",
                "Sommario", dirty, "SEO", "Descrizione", List.of(), "viaggi, città", false, 0), Intent.SAVE, Optional.empty()));

        assertThat(saved.status()).isEqualTo(PublicationStatus.DRAFT);
        assertThat(saved.slug()).isEqualTo("citta-piu-belle-d-europa");
        EditableArticle opened = editorial(s -> s.open(EDITOR, Optional.of(saved.articleId()), "it"));
        assertThat(opened.exists()).isTrue();
        assertThat(opened.form().title()).isEqualTo("Città più belle d’Europa");
        assertThat(opened.form().commentsOpen()).isFalse();
        assertThat(opened.form().tags()).contains("viaggi").contains("città");
        String body = opened.form().body();
        assertThat(body).doesNotContain("<script", "alert(", "onclick", "onerror", "javascript:", "steal")
                .contains("<h2>Città</h2>", "<strong>world</strong>", "href=\"https://example.org/a\"",
                        "<img src=\"https://example.org/i.png\" alt=\"Alt\"", "<li>one</li>");
        assertThat(events.fired()).as("a draft is not public").isEmpty();
    }

    @Test
    void editingRaisesTheRevisionOnlyWhenTheTextChanges() {
        SaveOutcome first = create(EDITOR, "en", "Revision counting", Intent.SAVE);
        EditableArticle opened = editorial(s -> s.open(EDITOR, Optional.of(first.articleId()), "en"));
        ArticleForm same = opened.form();
        SaveOutcome unchanged = editorial(s -> s.save(EDITOR, same, Intent.SAVE, Optional.empty()));
        assertThat(unchanged.revision()).isEqualTo(opened.revision());

        EditableArticle again = editorial(s -> s.open(EDITOR, Optional.of(first.articleId()), "en"));
        ArticleForm f = again.form();
        ArticleForm changed = new ArticleForm(f.articleId(), "en", f.title(), f.slug(), f.excerpt(),
                "<p>New text <em>here</em><script>x()</script></p>", f.seoTitle(), f.seoDescription(), f.categoryIds(),
                f.tags(), f.commentsOpen(), f.version());
        SaveOutcome edited = editorial(s -> s.save(EDITOR, changed, Intent.SAVE, Optional.empty()));
        assertThat(edited.revision()).isEqualTo(again.revision() + 1);
        assertThat(editorial(s -> s.open(EDITOR, Optional.of(first.articleId()), "en")).form().body())
                .isEqualTo("<p>New text <em>here</em></p>");
    }

    @Test
    void aSaveFromAStaleFormIsRefused() {
        SaveOutcome first = create(EDITOR, "en", "Stale forms", Intent.SAVE);
        ArticleForm opened = editorial(s -> s.open(EDITOR, Optional.of(first.articleId()), "en")).form();
        editorial(s -> s.save(EDITOR, withBody(opened, "<p>First</p>"), Intent.SAVE, Optional.empty()));
        assertThat(refusal(() -> editorial(s -> s.save(EDITOR, withBody(opened, "<p>Second</p>"), Intent.SAVE, Optional.empty()))))
                .isEqualTo(Reason.CONFLICT);
    }

    private static ArticleForm withBody(ArticleForm f, String body) {
        return new ArticleForm(f.articleId(), f.language(), f.title(), f.slug(), f.excerpt(), body, f.seoTitle(),
                f.seoDescription(), f.categoryIds(), f.tags(), f.commentsOpen(), f.version());
    }

    private static ArticleForm withSlug(ArticleForm f, String slug) {
        return new ArticleForm(f.articleId(), f.language(), f.title(), slug, f.excerpt(), f.body(), f.seoTitle(),
                f.seoDescription(), f.categoryIds(), f.tags(), f.commentsOpen(), f.version());
    }

    @Test
    void aTypedSlugMustBeFreeInTheLanguageWhileAGeneratedOneIsNumbered() {
        SaveOutcome first = create(EDITOR, "de", "Grüße aus Köln", Intent.SAVE);
        assertThat(first.slug()).isEqualTo("grusse-aus-koln");
        SaveOutcome second = create(EDITOR, "de", "Grüße aus Köln", Intent.SAVE);
        assertThat(second.slug()).isEqualTo("grusse-aus-koln-2");

        EditorialException taken = (EditorialException) org.assertj.core.api.Assertions.catchThrowable(() -> editorial(s ->
                s.save(EDITOR, form(null, "de", "Anderer Titel", "Grusse aus Koln", "<p>x</p>"), Intent.SAVE, Optional.empty())));
        assertThat(taken.reason()).isEqualTo(Reason.SLUG_TAKEN);
        assertThat(taken.field()).isEqualTo("slug");
        SaveOutcome otherLanguage = editorial(s -> s.save(EDITOR, form(null, "fr", "Autre", "grusse-aus-koln", "<p>x</p>"),
                Intent.SAVE, Optional.empty()));
        assertThat(otherLanguage.slug()).isEqualTo("grusse-aus-koln");
    }

    @Test
    void renamingAPublishedTranslationKeepsTheOldSlugAsARedirect() {
        SaveOutcome published = create(EDITOR, "pt", "Nome antigo", Intent.PUBLISH);
        assertThat(published.status()).isEqualTo(PublicationStatus.PUBLISHED);
        ArticleForm f = editorial(s -> s.open(EDITOR, Optional.of(published.articleId()), "pt")).form();
        events.clear();
        SaveOutcome renamed = editorial(s -> s.save(EDITOR, withSlug(f, "nome-novo"), Intent.SAVE, Optional.empty()));
        assertThat(renamed.slug()).isEqualTo("nome-novo");
        assertThat(renamed.status()).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(events.fired()).singleElement().isInstanceOf(ArticleUpdated.class);
        assertThat(lookup("pt", "nome-antigo"))
                .isEqualTo(new ArticleLookup.Moved("nome-novo"));
        assertThat(lookup("pt", "nome-novo"))
                .isInstanceOf(ArticleLookup.Found.class);

        SaveOutcome draft = create(EDITOR, "pt", "Rascunho", Intent.SAVE);
        ArticleForm d = editorial(s -> s.open(EDITOR, Optional.of(draft.articleId()), "pt")).form();
        editorial(s -> s.save(EDITOR, withSlug(d, "rascunho-novo"), Intent.SAVE, Optional.empty()));
        assertThat(redirect("pt", "rascunho"))
                .as("a draft's address was never public").isEmpty();

        SaveOutcome reused = editorial(s -> s.save(EDITOR, form(null, "pt", "Outro", "nome-antigo", "<p>y</p>"),
                Intent.PUBLISH, Optional.empty()));
        assertThat(reused.slug()).isEqualTo("nome-antigo");
        assertThat(redirect("pt", "nome-antigo"))
                .as("new content takes the old address over").isEmpty();
    }

    @Test
    void publishScheduleAndUnpublishChangeWhatReadersSeeAndSaySo() {
        SaveOutcome draft = create(EDITOR, "es", "Ciclo de vida", Intent.SAVE);
        ArticleForm f = editorial(s -> s.open(EDITOR, Optional.of(draft.articleId()), "es")).form();
        events.clear();
        SaveOutcome live = editorial(s -> s.save(EDITOR, f, Intent.PUBLISH, Optional.empty()));
        assertThat(live.status()).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(events.fired()).containsExactly(new ArticlePublished(draft.articleId(), "es", CLOCK.instant()));
        assertThat(lookup("es", live.slug()))
                .isInstanceOf(ArticleLookup.Found.class);

        events.clear();
        ArticleForm f2 = editorial(s -> s.open(EDITOR, Optional.of(draft.articleId()), "es")).form();
        SaveOutcome off = editorial(s -> s.save(EDITOR, f2, Intent.UNPUBLISH, Optional.empty()));
        assertThat(off.status()).isEqualTo(PublicationStatus.UNPUBLISHED);
        assertThat(events.fired()).containsExactly(new ArticleUnpublished(draft.articleId(), "es", CLOCK.instant()));
        assertThat(lookup("es", live.slug()))
                .isInstanceOf(ArticleLookup.Missing.class);

        ArticleForm f3 = editorial(s -> s.open(EDITOR, Optional.of(draft.articleId()), "es")).form();
        assertThat(refusal(() -> editorial(s -> s.save(EDITOR, f3, Intent.SCHEDULE, Optional.of(CLOCK.instant())))))
                .isEqualTo(Reason.NOT_IN_FUTURE);
        assertThat(refusal(() -> editorial(s -> s.save(EDITOR, f3, Intent.SCHEDULE, Optional.empty()))))
                .isEqualTo(Reason.REQUIRED);
        events.clear();
        Instant later = CLOCK.instant().plus(Duration.ofHours(2));
        SaveOutcome scheduled = editorial(s -> s.save(EDITOR, f3, Intent.SCHEDULE, Optional.of(later)));
        assertThat(scheduled.status()).isEqualTo(PublicationStatus.SCHEDULED);
        assertThat(events.fired()).isEmpty();
        assertThat(editorial(s -> s.open(EDITOR, Optional.of(draft.articleId()), "es")).publishAt()).contains(later);
    }

    @Test
    void theSchedulerPublishesWhatIsDueAndNothingElse() {
        Instant soon = CLOCK.instant().plus(Duration.ofMinutes(10));
        Instant much = CLOCK.instant().plus(Duration.ofDays(3));
        SaveOutcome due = editorial(s -> s.save(EDITOR, form(null, "en", "Due soon", "", "<p>a</p>"), Intent.SCHEDULE,
                Optional.of(soon)));
        SaveOutcome notYet = editorial(s -> s.save(EDITOR, form(null, "en", "Not yet", "", "<p>b</p>"), Intent.SCHEDULE,
                Optional.of(much)));
        assertThat(editorial(EditorialService::publishDue)).isZero();

        CLOCK.set(soon.plusSeconds(30));
        events.clear();
        assertThat(editorial(EditorialService::publishDue)).isEqualTo(1);
        assertThat(events.fired()).containsExactly(new ArticlePublished(due.articleId(), "en", CLOCK.instant()));
        EditableArticle published = editorial(s -> s.open(EDITOR, Optional.of(due.articleId()), "en"));
        assertThat(published.status()).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(published.publishAt()).contains(soon);
        assertThat(lookup("en", due.slug()))
                .isInstanceOf(ArticleLookup.Found.class);
        assertThat(editorial(s -> s.open(EDITOR, Optional.of(notYet.articleId()), "en")).status())
                .isEqualTo(PublicationStatus.SCHEDULED);
        assertThat(editorial(EditorialService::publishDue)).as("nothing twice").isZero();
    }

    @Test
    void authorsWorkOnlyOnTheirOwnArticles() {
        SaveOutcome own = create(AUTHOR, "it", "Il mio pezzo", Intent.SAVE);
        SaveOutcome others = create(OTHER_AUTHOR, "it", "Il pezzo di Olga", Intent.SAVE);
        ArticleForm othersForm = editorial(s -> s.open(OTHER_AUTHOR, Optional.of(others.articleId()), "it")).form();

        assertThat(refusal(() -> editorial(s -> s.open(AUTHOR, Optional.of(others.articleId()), "it"))))
                .isEqualTo(Reason.FORBIDDEN);
        assertThat(refusal(() -> editorial(s -> s.save(AUTHOR, othersForm, Intent.PUBLISH, Optional.empty()))))
                .isEqualTo(Reason.FORBIDDEN);
        assertThat(editorial(s -> s.open(OTHER_AUTHOR, Optional.of(others.articleId()), "it")).status())
                .isEqualTo(PublicationStatus.DRAFT);
        assertThat(editorial(s -> s.open(AUTHOR, Optional.of(own.articleId()), "it")).authorName()).isEqualTo("Aldo Autore");

        Paged<ArticleRow> list = editorial(s -> s.list(AUTHOR, ArticleFilter.none(), 1, 100));
        assertThat(list.items()).extracting(ArticleRow::authorName).containsOnly("Aldo Autore");
        assertThat(list.items()).extracting(ArticleRow::articleId).contains(own.articleId());
    }

    @Test
    void translatorsWorkOnlyInTheirLanguagesAndDoNotStartArticles() {
        SaveOutcome source = create(EDITOR, "it", "Da tradurre", Intent.PUBLISH);
        assertThat(refusal(() -> create(TRANSLATOR, "es", "Nuevo", Intent.SAVE))).isEqualTo(Reason.FORBIDDEN);
        assertThat(refusal(() -> editorial(s -> s.open(TRANSLATOR, Optional.of(source.articleId()), "it"))))
                .isEqualTo(Reason.FORBIDDEN);

        EditableArticle empty = editorial(s -> s.open(TRANSLATOR, Optional.of(source.articleId()), "es"));
        assertThat(empty.exists()).isFalse();
        SaveOutcome translated = editorial(s -> s.save(TRANSLATOR, form(source.articleId(), "es", "Para traducir", "",
                "<p>Hola</p>"), Intent.PUBLISH, Optional.empty()));
        assertThat(translated.status()).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(translated.articleId()).isEqualTo(source.articleId());

        Paged<ArticleRow> list = editorial(s -> s.list(TRANSLATOR, ArticleFilter.none(), 1, 500));
        assertThat(list.items()).extracting(ArticleRow::language).containsOnly("es");
        List<String> writable = editorial(s -> s.writableLanguages(TRANSLATOR));
        assertThat(writable).containsExactly("es");
    }

    @Test
    void moderatorsAndUnknownUsersAreRefused() {
        assertThat(refusal(() -> editorial(s -> s.list(MODERATOR, ArticleFilter.none(), 1, 10)))).isEqualTo(Reason.FORBIDDEN);
        assertThat(refusal(() -> create(MODERATOR, "it", "No", Intent.SAVE))).isEqualTo(Reason.FORBIDDEN);
        assertThat(refusal(() -> create("nobody@scriptorium.test", "it", "No", Intent.SAVE))).isEqualTo(Reason.FORBIDDEN);
    }

    @Test
    void invalidInputIsRefusedNamingTheField() {
        EditorialException empty = (EditorialException) org.assertj.core.api.Assertions.catchThrowable(
                () -> create(EDITOR, "it", "   ", Intent.SAVE));
        assertThat(empty.reason()).isEqualTo(Reason.REQUIRED);
        assertThat(empty.field()).isEqualTo("title");
        assertThat(refusal(() -> create(EDITOR, "it", "x".repeat(301), Intent.SAVE))).isEqualTo(Reason.TOO_LONG);
        assertThat(refusal(() -> create(EDITOR, "xx", "Lingua sconosciuta", Intent.SAVE))).isEqualTo(Reason.UNKNOWN_LANGUAGE);
        assertThatThrownBy(() -> editorial(s -> s.open(EDITOR, Optional.of(987654L), "it")))
                .isInstanceOf(EditorialException.class);
    }

    @Test
    void theListFiltersSortsAndPages() {
        create(EDITOR, "fr", "Zèbre du listing", Intent.SAVE);
        create(EDITOR, "fr", "Abeille du listing", Intent.PUBLISH);
        ArticleFilter byText = new ArticleFilter(Optional.of("fr"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("DU LISTING"), EditorialQuery.Sort.TITLE);
        Paged<ArticleRow> sorted = editorial(s -> s.list(EDITOR, byText, 1, 10));
        assertThat(sorted.items()).extracting(ArticleRow::title).containsExactly("Abeille du listing", "Zèbre du listing");

        ArticleFilter published = new ArticleFilter(Optional.of("fr"), Optional.of(PublicationStatus.PUBLISHED),
                Optional.empty(), Optional.empty(), Optional.of("listing"), EditorialQuery.Sort.UPDATED);
        assertThat(editorial(s -> s.list(EDITOR, published, 1, 10)).items()).extracting(ArticleRow::title)
                .containsExactly("Abeille du listing");

        ArticleFilter wildcard = new ArticleFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("%"), EditorialQuery.Sort.UPDATED);
        assertThat(editorial(s -> s.list(EDITOR, wildcard, 1, 10)).total()).as("% is text, not a wildcard").isZero();

        Paged<ArticleRow> page2 = editorial(s -> s.list(EDITOR, new ArticleFilter(Optional.of("it"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), EditorialQuery.Sort.TITLE), 2, 3));
        assertThat(page2.page()).isEqualTo(2);
        assertThat(page2.items()).hasSize(3);
        assertThat(page2.totalPages()).isGreaterThanOrEqualTo(3);

        long categoryId = editorial(s -> s.categoryChoices("it")).get(0).id();
        SaveOutcome filed = editorial(s -> s.save(EDITOR, new ArticleForm(null, "it", "Archiviato", "", "", "<p>z</p>", "", "",
                List.of(categoryId), "", true, 0), Intent.SAVE, Optional.empty()));
        ArticleFilter byCategory = new ArticleFilter(Optional.of("it"), Optional.empty(), Optional.of(categoryId),
                Optional.empty(), Optional.empty(), EditorialQuery.Sort.UPDATED);
        assertThat(editorial(s -> s.list(EDITOR, byCategory, 1, 100)).items()).extracting(ArticleRow::articleId)
                .contains(filed.articleId());
    }
}
