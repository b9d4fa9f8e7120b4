package org.scriptorium.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.content.application.ArticleSummary;
import org.scriptorium.content.application.AuthorListing;
import org.scriptorium.content.application.GuestCredits;
import org.scriptorium.content.application.HomeView;
import org.scriptorium.content.application.Lookup;
import org.scriptorium.content.application.ReadingService;
import org.scriptorium.content.infrastructure.JpaArticleRepository;
import org.scriptorium.testing.TestDatabase;
import org.scriptorium.testing.TestServices;

/**
 * An article published from a reader's story is credited to its guest author: it leaves the page of the staff
 * member who created it (and that author's sitemap entries) while it stays on the home page under the guest's
 * name.
 */
class GuestAuthorPageTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
    private static TestDatabase db;

    @BeforeAll
    static void load() {
        db = TestDatabase.create();
        db.run(em -> TestServices.demo(em, CLOCK).loadIfEmpty());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static <T> T read(Function<ReadingService, T> work) {
        return db.inTransaction(em -> work.apply(TestServices.reading(em, CLOCK)));
    }

    private static AuthorListing page(String language, String slug) {
        Lookup<AuthorListing> found = read(r -> r.author(language, slug, 1, 20));
        assertThat(found).isInstanceOf(Lookup.Found.class);
        return ((Lookup.Found<AuthorListing>) found).value();
    }

    private static void credit(long articleId, String guest) {
        db.run(em -> new GuestCredits(new JpaArticleRepository(em)).credit(articleId, guest, "A reader", null));
    }

    @Test
    void aGuestCreditedArticleLeavesTheStaffAuthorsPageButStaysOnTheHomePage() {
        AuthorListing before = page("en", "giulia-ferraro");
        assertThat(before.articles().total()).isEqualTo(2);
        ArticleSummary guest = before.articles().items().get(0);
        credit(guest.articleId(), "Ada Guest");

        AuthorListing after = page("en", "giulia-ferraro");
        assertThat(after.articles().total()).isEqualTo(1);
        assertThat(after.articles().items()).extracting(ArticleSummary::articleId).doesNotContain(guest.articleId());
        HomeView home = read(r -> r.home("en", 20, 3));
        List<ArticleSummary> onHome = new ArrayList<>(home.latest());
        onHome.add(home.lead());
        assertThat(onHome).anySatisfy(a -> {
            assertThat(a.articleId()).isEqualTo(guest.articleId());
            assertThat(a.authorName()).isEqualTo("Ada Guest");
            assertThat(a.authorSlug()).isEmpty();
        });
    }

    @Test
    void anAuthorWhoseOnlyArticlesAreGuestCreditedHasNoPageAndNoSitemapEntry() {
        List<Map<String, String>> pagesBefore = read(ReadingService::authorPages);
        assertThat(pagesBefore).anySatisfy(p -> assertThat(p).containsEntry("pt", "/pt/author/ana-sousa"));
        java.util.Set<Long> hers = new java.util.HashSet<>();
        for (String language : page("pt", "ana-sousa").languages()) {
            page(language, "ana-sousa").articles().items().forEach(a -> hers.add(a.articleId()));
        }
        hers.forEach(id -> credit(id, "Rita Convidada"));
        assertThat((Object) read(r -> r.author("pt", "ana-sousa", 1, 20))).isInstanceOf(Lookup.Missing.class);
        assertThat(read(ReadingService::authorPages)).noneSatisfy(p -> assertThat(p).containsValue("/pt/author/ana-sousa"));
    }
}
