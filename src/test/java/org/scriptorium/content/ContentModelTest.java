package org.scriptorium.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scriptorium.content.domain.Article;
import org.scriptorium.content.domain.ArticleTranslation;
import org.scriptorium.content.domain.Category;
import org.scriptorium.content.domain.PublicationStatus;
import org.scriptorium.content.infrastructure.JpaArticleRepository;
import org.scriptorium.content.infrastructure.JpaCategoryRepository;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.identity.domain.User;
import org.scriptorium.testing.FreshDatabase;

class ContentModelTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase();

    private long newArticle() {
        return db.inTransaction(em -> {
            User author = new User("Ada@Example.com", "Ada Rossi", "ada-rossi", "x", Set.of(Role.AUTHOR), NOW);
            em.persist(author);
            Category top = new Category(null, 1);
            top.name("it", "Tecnologia", "tecnologia", null);
            Category mid = new Category(top, 1);
            mid.name("it", "Software", "software", null);
            Category leaf = new Category(mid, 1);
            leaf.name("it", "Open source", "open-source", null);
            JpaCategoryRepository categories = new JpaCategoryRepository(em);
            categories.save(top);
            categories.save(mid);
            categories.save(leaf);
            Article article = new Article(author, "it", NOW);
            article.fileUnder(leaf);
            ArticleTranslation it = article.addTranslation("it", "Titolo", "titolo", "<p>Corpo</p>", NOW);
            it.publish(NOW);
            article.addTranslation("en", "Title", "title", "<p>Body</p>", NOW).translatedFrom(it);
            return new JpaArticleRepository(em).save(article).getId();
        });
    }

    @Test
    void storesAnArticleWithTranslationsAndFindsItBySlugPerLanguage() {
        long id = newArticle();
        db.run(em -> {
            JpaArticleRepository articles = new JpaArticleRepository(em);
            ArticleTranslation it = articles.findTranslationBySlug("it", "titolo").orElseThrow();
            assertThat(it.getArticle().getId()).isEqualTo(id);
            assertThat(it.getArticle().getAuthor().getEmail()).isEqualTo("ada@example.com");
            assertThat(articles.findTranslationBySlug("en", "titolo")).isEmpty();
            assertThat(articles.findTranslationBySlug("en", "title").orElseThrow().getSource().orElseThrow()
                    .getTranslation().getId()).isEqualTo(it.getId());
            Category leaf = it.getArticle().getCategories().iterator().next();
            assertThat(leaf.lineage()).extracting(c -> c.translation("it").orElseThrow().getSlug())
                    .containsExactly("tecnologia", "software", "open-source");
        });
    }

    @Test
    void onlyPublishedTranslationsWhoseTimeHasComeAreListed() {
        newArticle();
        db.run(em -> {
            JpaArticleRepository articles = new JpaArticleRepository(em);
            assertThat(articles.findPublished("it", NOW, 0, 10)).hasSize(1);
            assertThat(articles.findPublished("en", NOW, 0, 10)).isEmpty();
            assertThat(articles.findPublished("it", NOW.minusSeconds(1), 0, 10)).isEmpty();
            assertThat(articles.countByLanguageAndStatus())
                    .contains(new org.scriptorium.content.domain.ArticleRepository.StatusCount("it", PublicationStatus.PUBLISHED, 1),
                            new org.scriptorium.content.domain.ArticleRepository.StatusCount("en", PublicationStatus.DRAFT, 1));
        });
    }

    @Test
    void aChangedSourceFieldShowsInTheFingerprintOfItsTranslation() {
        long id = newArticle();
        db.run(em -> {
            Article article = new JpaArticleRepository(em).findById(id).orElseThrow();
            ArticleTranslation it = article.translation("it").orElseThrow();
            ArticleTranslation en = article.translation("en").orElseThrow();
            it.edit("Titolo", null, "<p>Corpo nuovo</p>", null, null, NOW.plus(1, ChronoUnit.DAYS));
            assertThat(it.getRevision()).isEqualTo(2);
            assertThat(en.getSource().orElseThrow().getRevision()).isEqualTo(1);
            assertThat(en.getSource().orElseThrow().getFingerprint().changedFields(it.fingerprint()))
                    .containsExactly("body");
        });
    }

    @Test
    void aSlugIsUniqueWithinALanguage() {
        newArticle();
        assertThatThrownBy(() -> db.run(em -> {
            User author = new JpaArticleRepository(em).findTranslationBySlug("it", "titolo").orElseThrow()
                    .getArticle().getAuthor();
            Article other = new Article(author, "it", NOW);
            other.addTranslation("it", "Altro", "titolo", "<p>x</p>", NOW);
            new JpaArticleRepository(em).save(other);
            em.flush();
        })).isInstanceOf(RuntimeException.class);
    }

    @Test
    void schedulingInTheFutureKeepsATranslationOffTheSiteUntilItsTime() {
        long id = newArticle();
        db.run(em -> {
            ArticleTranslation en = new JpaArticleRepository(em).findById(id).orElseThrow().translation("en").orElseThrow();
            en.publishAt(NOW.plus(2, ChronoUnit.DAYS), NOW);
            assertThat(en.getStatus()).isEqualTo(PublicationStatus.SCHEDULED);
            assertThat(en.isVisibleAt(NOW)).isFalse();
        });
    }
}
