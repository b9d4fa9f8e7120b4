package org.scriptorium.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.content.application.ArticleLookup;
import org.scriptorium.content.application.ArticleSummary;
import org.scriptorium.content.application.ArticleView;
import org.scriptorium.content.application.AuthorListing;
import org.scriptorium.content.application.CategoryListing;
import org.scriptorium.content.application.HomeView;
import org.scriptorium.content.application.Lookup;
import org.scriptorium.content.application.NamedLink;
import org.scriptorium.content.application.Paged;
import org.scriptorium.content.application.ReadingMemo;
import org.scriptorium.content.application.ReadingService;
import org.scriptorium.content.application.TagListing;
import org.scriptorium.content.infrastructure.JpaArticleRepository;
import org.scriptorium.content.infrastructure.JpaCategoryRepository;
import org.scriptorium.content.infrastructure.JpaSlugRedirectRepository;
import org.scriptorium.content.infrastructure.JpaTagRepository;
import org.scriptorium.testing.TestDatabase;
import org.scriptorium.testing.TestServices;

/** The read side over the demo magazine: category paths, old slugs, pagination, related articles, reading time. */
class ReadingServiceTest {

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

    private static <T> T found(Lookup<T> lookup) {
        assertThat(lookup).isInstanceOf(Lookup.Found.class);
        return ((Lookup.Found<T>) lookup).value();
    }

    @Test
    void readingTimeCountsWordsOfTheTextNotTheMarkup() {
        String words = "parola ".repeat(401);
        assertThat(ReadingService.readingMinutes("<p class=\"x\">" + words + "</p>")).isEqualTo(3);
        assertThat(ReadingService.readingMinutes("<p>" + "a ".repeat(200) + "</p>")).isEqualTo(1);
        assertThat(ReadingService.readingMinutes("")).isEqualTo(1);
        assertThat(ReadingService.readingMinutes(null)).isEqualTo(1);
    }

    @Test
    void readingTimeCountsLikeStrippingMarkupAndReferencesThenSplittingOnWhiteSpace() throws Exception {
        List<String> texts = new java.util.ArrayList<>(List.of("", " ", "a", "a<b", "a<b>c", "x<br>&amp;y", "&amp<b>;",
                "&lt;b> z", "&;", "&#8212;word&nbsp;more", "<p\n class=x>one\ttwo\u000Bthree\ffour\rfive</p>",
                "tail &amp", "<<a>>", "a\u00A0b"));
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/resources/demo/articles"))) {
            for (java.nio.file.Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                texts.add(java.nio.file.Files.readString(file));
            }
        }
        assertThat(texts).hasSizeGreaterThan(40);
        for (String text : texts) {
            String stripped = text.replaceAll("<[^>]*>", " ").replaceAll("&[#a-zA-Z0-9]+;", " ").replaceAll("\\s+", " ").trim();
            long expected = stripped.isEmpty() ? 0 : stripped.split(" ").length;
            assertThat(ReadingService.words(text)).as(text.length() > 40 ? text.substring(0, 40) : text).isEqualTo(expected);
        }
    }

    @Test
    void aCategoryPathResolvesDownTheTreeAndIncludesArticlesOfSubcategories() {
        CategoryListing leaf = found(read(r -> r.category("it", List.of("impresa", "startup", "finanziamenti"), 1, 10)));
        assertThat(leaf.name()).isEqualTo("Finanziamenti");
        assertThat(leaf.lineage()).extracting(NamedLink::slug)
                .containsExactly("impresa", "impresa/startup", "impresa/startup/finanziamenti");
        assertThat(leaf.articles().items()).extracting(ArticleSummary::slug).hasSize(1).allMatch(s -> s.startsWith("il-primo-euro"));
        assertThat(leaf.pathsByLanguage()).containsEntry("en", "business/startups/financing").hasSize(6);

        CategoryListing top = found(read(r -> r.category("it", List.of("impresa"), 1, 10)));
        assertThat(top.subcategories()).extracting(NamedLink::slug).contains("impresa/startup");
        assertThat(top.articles().total()).isEqualTo(2);
    }

    @Test
    void oldCategorySlugsMoveToTheCurrentPathAndWrongChainsAreMissing() {
        assertThat((Object) read(r -> r.category("it", List.of("impresa", "nuove-imprese", "finanziamenti"), 1, 10)))
                .isEqualTo(new Lookup.Moved<>("impresa/startup/finanziamenti"));
        assertThat((Object) read(r -> r.category("en", List.of("companies"), 1, 10))).isEqualTo(new Lookup.Moved<>("business"));
        assertThat((Object) read(r -> r.category("it", List.of("tecnologia", "startup"), 1, 10))).isInstanceOf(Lookup.Missing.class);
        assertThat((Object) read(r -> r.category("it", List.of("startup"), 1, 10))).isInstanceOf(Lookup.Missing.class);
        assertThat((Object) read(r -> r.category("it", List.of("non-esiste"), 1, 10))).isInstanceOf(Lookup.Missing.class);
    }

    @Test
    void pagesSplitTheListAndAPagePastTheEndIsMissing() {
        CategoryListing first = found(read(r -> r.category("it", List.of("tecnologia"), 1, 2)));
        assertThat(first.articles().total()).isEqualTo(3);
        assertThat(first.articles().totalPages()).isEqualTo(2);
        assertThat(first.articles().items()).hasSize(2);
        assertThat(first.articles().hasNext()).isTrue();
        CategoryListing second = found(read(r -> r.category("it", List.of("tecnologia"), 2, 2)));
        assertThat(second.articles().items()).hasSize(1).doesNotContainAnyElementsOf(first.articles().items());
        assertThat(second.articles().hasPrevious()).isTrue();
        assertThat(first.pageLanguages()).isEqualTo(first.pathsByLanguage().keySet());
        assertThat(second.pageLanguages()).contains("it").isSubsetOf(second.pathsByLanguage().keySet());
        for (String other : second.pathsByLanguage().keySet()) {
            boolean hasSecondPage = read(r -> r.category(other, List.of(second.pathsByLanguage().get(other).split("/")), 2, 2))
                    instanceof Lookup.Found<?>;
            assertThat(second.pageLanguages().contains(other)).as("page 2 in " + other).isEqualTo(hasSecondPage);
        }
        assertThat((Object) read(r -> r.category("it", List.of("tecnologia"), 3, 2))).isInstanceOf(Lookup.Missing.class);
        assertThat((Object) read(r -> r.category("it", List.of("tecnologia"), 0, 2))).isInstanceOf(Lookup.Missing.class);
        assertThat(Paged.pages(0, 10)).isEqualTo(1);
        assertThat(Paged.exists(1, 0, 10)).isTrue();
    }

    @Test
    void tagsAnswerOldSlugsAndListTheirArticlesInTheLanguage() {
        assertThat((Object) read(r -> r.tag("en", "fundraising", 1, 10))).isEqualTo(new Lookup.Moved<>("funding"));
        TagListing funding = found(read(r -> r.tag("en", "funding", 1, 10)));
        assertThat(funding.articles().total()).isEqualTo(2);
        assertThat(funding.articles().items()).allMatch(a -> a.language().equals("en"));
        assertThat(funding.slugsByLanguage()).containsEntry("it", "finanziamenti");
        assertThat((Object) read(r -> r.tag("en", "no-such-tag", 1, 10))).isInstanceOf(Lookup.Missing.class);
    }

    @Test
    void anAuthorHasAPageOnlyInLanguagesWithTheirArticles() {
        AuthorListing giulia = found(read(r -> r.author("en", "giulia-ferraro", 1, 10)));
        assertThat(giulia.name()).isEqualTo("Giulia Ferraro");
        assertThat(giulia.articles().total()).isEqualTo(2);
        assertThat(giulia.languages()).containsExactlyInAnyOrder("it", "es", "en", "fr", "de", "pt");
        assertThat((Object) read(r -> r.author("en", "ana-sousa", 1, 10))).isInstanceOf(Lookup.Missing.class);
        assertThat(found(read(r -> r.author("pt", "ana-sousa", 1, 10))).languages()).containsExactlyInAnyOrder("it", "es", "pt");
        assertThat(found(read(r -> r.author("en", "giulia-ferraro", 2, 1))).pageLanguages())
                .containsExactlyInAnyOrder("it", "es", "en", "fr", "de", "pt");
    }

    @Test
    void everyAuthorWithAVisibleArticleHasAPagePerLanguageForTheSitemaps() {
        List<java.util.Map<String, String>> pages = read(ReadingService::authorPages);
        assertThat(pages).contains(java.util.Map.of("it", "/it/author/ana-sousa", "es", "/es/author/ana-sousa",
                "pt", "/pt/author/ana-sousa"));
        assertThat(pages).anySatisfy(p -> assertThat(p).hasSize(6).containsEntry("en", "/en/author/giulia-ferraro"));
        assertThat(pages).allSatisfy(p -> p.forEach((language, path) -> assertThat(
                (Object) read(r -> r.author(language, path.substring(path.lastIndexOf('/') + 1), 1, 10))).isInstanceOf(Lookup.Found.class)));
    }

    @Test
    void relatedArticlesShareCategoryOrTagsInTheSameLanguageAndNeverIncludeTheArticle() {
        ArticleView passkeys = article("en", "passkeys");
        List<ArticleSummary> related = read(r -> r.related(passkeys.articleId(), "en", 4));
        assertThat(related).isNotEmpty().allMatch(a -> a.language().equals("en"))
                .noneMatch(a -> a.articleId() == passkeys.articleId());
        assertThat(related.get(0).slug()).contains("open-source");
        List<ArticleSummary> more = read(r -> r.moreExcept(passkeys.articleId(), "en", 4));
        assertThat(more).hasSize(4).noneMatch(a -> a.articleId() == passkeys.articleId());
    }

    @Test
    void similarArticlesKeepTheirOrderAndOnlyVisibleTranslationsInTheLanguageShow() {
        List<ArticleSummary> english = read(r -> r.latest("en", 0, 20));
        ArticleView passkeys = article("en", "passkeys");
        List<Long> others = english.stream().map(ArticleSummary::articleId)
                .filter(id -> id != passkeys.articleId()).toList();
        long missingInEnglish = 987_654L;
        List<Long> alike = List.of(others.get(2), missingInEnglish, others.get(0), passkeys.articleId(), others.get(1));
        List<ArticleSummary> related = db.inTransaction(em -> new ReadingService(new JpaArticleRepository(em),
                new JpaCategoryRepository(em), new JpaTagRepository(em), new JpaSlugRedirectRepository(em), CLOCK,
                (id, language, limit) -> alike, ReadingMemo.off()).related(passkeys.articleId(), "en", 3));
        assertThat(related).extracting(ArticleSummary::articleId).containsExactly(others.get(2), others.get(0), others.get(1));
        assertThat(related).allMatch(a -> a.language().equals("en") && !a.authorName().isBlank());
    }

    @Test
    void articlesCarryTheirImageReadingTimeAndLinkedCategoryPath() {
        ArticleView seed = article("it", "il-primo-euro");
        assertThat(seed.image()).isEqualTo("/media/seed-financing.svg");
        assertThat(seed.imageAlt()).contains("piantina");
        assertThat(seed.readingMinutes()).isBetween(3, 10);
        assertThat(seed.categoryPath()).extracting(NamedLink::slug).last().isEqualTo("impresa/startup/finanziamenti");
        assertThat((Object) read(r -> r.article("it", "startup-sud-europa-primi-capitali")))
                .isEqualTo(new ArticleLookup.Moved(seed.slug()));
    }

    @Test
    void theHomeHasALeadLatestArticlesAndASectionPerTopLevelCategory() {
        HomeView home = read(r -> r.home("it", 6, 3));
        assertThat(home.lead().slug()).isEqualTo(read(r -> r.latest("it", 0, 1)).get(0).slug());
        assertThat(home.latest()).hasSize(6).doesNotContain(home.lead());
        assertThat(home.sections()).extracting(s -> s.category().slug()).containsExactly("tecnologia", "impresa", "societa");
    }

    private static ArticleView article(String lang, String slugStart) {
        String slug = read(r -> r.latest(lang, 0, 20)).stream().map(ArticleSummary::slug)
                .filter(s -> s.startsWith(slugStart)).findFirst().orElseThrow();
        return ((ArticleLookup.Found) read(r -> r.article(lang, slug))).article();
    }
}
