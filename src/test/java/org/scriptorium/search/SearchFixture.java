package org.scriptorium.search;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.scriptorium.content.application.ArticleForm;
import org.scriptorium.content.application.EditorialService;
import org.scriptorium.content.application.SaveOutcome;
import org.scriptorium.content.domain.Category;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.search.application.SearchRequest;
import org.scriptorium.search.application.SearchResults;
import org.scriptorium.search.infrastructure.HibernateSearchService;
import org.scriptorium.search.infrastructure.MoreLikeThisRelated;
import org.scriptorium.content.infrastructure.JpaCategoryRepository;
import org.scriptorium.testing.MutableClock;
import org.scriptorium.testing.RecordingEvents;
import org.scriptorium.testing.TestDatabase;
import org.scriptorium.testing.TestServices;

/** A database with an editor, written to through the editorial service and searched through the search service. */
final class SearchFixture implements AutoCloseable {

    static final String EDITOR = "editor@scriptorium.test";

    final TestDatabase db = TestDatabase.create();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));

    SearchFixture() {
        db.run(em -> TestServices.users(em, clock).create(EDITOR, "Eda Editor", "correct horse battery staple",
                Set.of(Role.EDITOR)));
    }

    <T> T editorial(Function<EditorialService, T> work) {
        return db.inTransaction(em -> work.apply(TestServices.editorial(em, clock, new RecordingEvents())));
    }

    long category(String language, String name) {
        return db.inTransaction(em -> {
            Category c = new Category(null, 1);
            c.name(language, name, name.toLowerCase().replace(' ', '-'), null);
            em.persist(c);
            return c.getId();
        });
    }

    /** Publishes a new article with one translation and returns its id. */
    long publish(String language, String title, String body, Long... categories) {
        return save(null, language, title, body, EditorialService.Intent.PUBLISH, categories).articleId();
    }

    SaveOutcome save(Long articleId, String language, String title, String body, EditorialService.Intent intent,
                     Long... categories) {
        long version = articleId == null ? 0 : db.inTransaction(em -> em.createQuery(
                        "select t.version from ArticleTranslation t where t.article.id = :id and t.language = :l", Long.class)
                .setParameter("id", articleId).setParameter("l", language).getResultStream().findFirst().orElse(0L));
        ArticleForm form = new ArticleForm(articleId, language, title, "", "", "<p>" + body + "</p>", "", "",
                List.of(categories), "", true, version);
        return editorial(e -> e.save(EDITOR, form, intent, Optional.empty()));
    }

    SearchResults search(SearchRequest request) {
        return db.inTransaction(em -> new HibernateSearchService(em, clock, new JpaCategoryRepository(em)).search(request));
    }

    SearchResults search(String language, String text) {
        return search(SearchRequest.of(text, language));
    }

    List<Long> articleIds(String language, String text) {
        return search(language, text).hits().stream().map(h -> h.articleId()).toList();
    }

    List<Long> related(long articleId, String language, int limit) {
        return db.inTransaction(em -> new MoreLikeThisRelated(em, clock).like(articleId, language, limit));
    }

    Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        db.close();
    }
}
