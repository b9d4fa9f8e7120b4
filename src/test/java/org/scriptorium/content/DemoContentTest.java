package org.scriptorium.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.content.domain.Article;
import org.scriptorium.content.domain.ArticleTranslation;
import org.scriptorium.content.domain.Category;
import org.scriptorium.content.domain.PublicationStatus;
import org.scriptorium.testing.TestDatabase;
import org.scriptorium.testing.TestServices;

/** The demo magazine loads completely into an empty database, and only into an empty one. */
class DemoContentTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
    private static TestDatabase db;
    private static int loaded;

    @BeforeAll
    static void load() {
        db = TestDatabase.create();
        loaded = db.inTransaction(em -> TestServices.demo(em, CLOCK).loadIfEmpty());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static List<Article> articles() {
        return db.inTransaction(em -> {
            List<Article> all = em.createQuery("select a from Article a", Article.class).getResultList();
            all.forEach(a -> {
                a.getTranslations().size();
                a.getCategories().forEach(Category::lineage);
                a.getAuthor().getName();
            });
            return all;
        });
    }

    @Test
    void eightArticlesSixInEveryLanguageTwoInOnlySome() {
        assertThat(loaded).isEqualTo(8);
        Map<Integer, Long> byLanguageCount = articles().stream()
                .collect(Collectors.groupingBy(a -> a.getTranslations().size(), Collectors.counting()));
        assertThat(byLanguageCount).containsEntry(6, 6L);
        assertThat(byLanguageCount.getOrDefault(6, 0L) + byLanguageCount.entrySet().stream()
                .filter(e -> e.getKey() > 1 && e.getKey() < 6).mapToLong(Map.Entry::getValue).sum()).isEqualTo(8);
    }

    @Test
    void everySourceTextHasAtLeastSixHundredWordsAndEveryTranslationIsPublishedWithItsSource() {
        for (Article a : articles()) {
            ArticleTranslation source = a.sourceTranslation().orElseThrow();
            String text = source.getBody().replaceAll("<[^>]+>", " ");
            assertThat(text.trim().split("\\s+").length).as(source.getSlug()).isGreaterThanOrEqualTo(600);
            for (ArticleTranslation t : a.getTranslations().values()) {
                assertThat(t.getStatus()).isEqualTo(PublicationStatus.PUBLISHED);
                assertThat(t.getSlug()).matches("[a-z0-9-]{1,80}");
                assertThat(t.getExcerpt()).isNotBlank();
                if (t != source) {
                    assertThat(t.getSource()).isPresent();
                    assertThat(t.getSource().get().getTranslation().getId()).isEqualTo(source.getId());
                }
            }
        }
    }

    @Test
    void theCategoryTreeIsAtLeastThreeLevelsDeepAndArticlesAreSpreadOverMonthsAndAuthors() {
        List<Article> all = articles();
        int depth = all.stream().flatMap(a -> a.getCategories().stream()).mapToInt(c -> c.lineage().size()).max().orElse(0);
        assertThat(depth).isGreaterThanOrEqualTo(3);
        Set<String> months = all.stream().map(a -> a.getCreatedAt().toString().substring(0, 7)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(months).hasSizeGreaterThanOrEqualTo(4);
        assertThat(all.stream().map(a -> a.getAuthor().getName()).distinct().count()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aSecondLoadChangesNothing() {
        int again = db.inTransaction(em -> TestServices.demo(em, CLOCK).loadIfEmpty());
        assertThat(again).isZero();
        assertThat(articles()).hasSize(8);
    }
}
