package org.scriptorium.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.content.application.EditorialService.Intent;
import org.scriptorium.content.application.ArticleForm;
import org.scriptorium.content.domain.ContentChanged;
import org.scriptorium.search.application.SearchHit;
import org.scriptorium.search.application.SearchOrder;
import org.scriptorium.search.application.SearchRequest;
import org.scriptorium.search.application.SearchResults;
import org.scriptorium.search.infrastructure.IndexDirectoryGuard;
import org.scriptorium.search.infrastructure.LuceneIndexMaintenance;
import org.scriptorium.search.infrastructure.MoreLikeThisRelated;

/** Public and editorial search, snippets, facets, typo tolerance, related articles and index rebuilding. */
class SearchServiceTest {

    private SearchFixture fixture;

    @BeforeEach
    void open() {
        fixture = new SearchFixture();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static SearchRequest editorial(String text, String language) {
        return new SearchRequest(text, language, false, null, null, SearchOrder.RELEVANCE, 1, 10, true);
    }

    @Test
    void unpublishedContentNeverAppearsInPublicResultsEvenRightAfterUnpublishing() {
        long published = fixture.publish("it", "Orti urbani sui tetti", "Coltivare pomodori sui tetti di Milano");
        assertThat(fixture.articleIds("it", "pomodori")).containsExactly(published);

        fixture.save(published, "it", "Orti urbani sui tetti", "Coltivare pomodori sui tetti di Milano", Intent.UNPUBLISH);
        assertThat(fixture.articleIds("it", "pomodori")).isEmpty();
        assertThat(fixture.search(editorial("pomodori", "it")).hits()).extracting(SearchHit::status)
                .containsExactly("UNPUBLISHED");

        long draft = fixture.save(null, "it", "Bozza sui pomodori", "Pomodori in bozza", Intent.SAVE).articleId();
        assertThat(fixture.articleIds("it", "pomodori")).doesNotContain(draft);
        assertThat(fixture.search(editorial("pomodori", "it")).hits()).extracting(SearchHit::articleId).contains(draft);

        long scheduled = fixture.editorial(e -> e.save(SearchFixture.EDITOR, new ArticleForm(null, "it",
                "Pomodori domani", "", "", "<p>Pomodori in arrivo</p>", "", "", List.of(), "", true, 0), Intent.SCHEDULE,
                Optional.of(Instant.parse("2026-12-01T08:00:00Z")))).articleId();
        assertThat(fixture.articleIds("it", "pomodori")).doesNotContain(scheduled);
    }

    @Test
    void snippetsAreEscapedExceptTheHighlightMarksAndTheTitleWeighsMore() {
        long inBody = fixture.publish("en", "Notes from a kitchen",
                "A &lt;script&gt;alert(1)&lt;/script&gt; recipe for bread with rye and patience");
        long inTitle = fixture.publish("en", "Bread for beginners", "Flour, water, time.");
        SearchResults results = fixture.search("en", "bread");
        assertThat(results.hits()).extracting(SearchHit::articleId).containsExactly(inTitle, inBody);
        SearchHit body = results.hits().get(1);
        assertThat(body.snippetHtml()).contains("<mark>bread</mark>").contains("&lt;script&gt;").doesNotContain("<script");
        assertThat(results.hits().get(0).titleHtml()).isEqualTo("<mark>Bread</mark> for beginners");
    }

    @Test
    void facetsCountCategoriesAndYearsAndFilterByThem() {
        long food = fixture.category("fr", "Cuisine");
        long travel = fixture.category("fr", "Voyages");
        fixture.publish("fr", "Le pain de campagne", "Un pain au levain", food);
        fixture.publish("fr", "Le pain des Alpes", "Un pain de montagne", travel);
        fixture.clock.set(Instant.parse("2027-02-01T10:00:00Z"));
        fixture.publish("fr", "Le pain du Nord", "Un pain de seigle", food);

        SearchResults all = fixture.search("fr", "pain");
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.categories()).extracting(f -> f.label() + "=" + f.count())
                .containsExactlyInAnyOrder("Cuisine=2", "Voyages=1");
        assertThat(all.years()).extracting(f -> f.value() + "=" + f.count()).containsExactly("2027=1", "2026=2");

        SearchResults filtered = fixture.search(new SearchRequest("pain", "fr", false, food, 2026, SearchOrder.DATE, 1,
                10, false));
        assertThat(filtered.hits()).extracting(SearchHit::title).containsExactly("Le pain de campagne");
    }

    @Test
    void misspelledLongWordsFindApproximateMatches() {
        long id = fixture.publish("it", "Intelligenza artificiale in redazione", "Gli strumenti cambiano il giornalismo");
        SearchResults results = fixture.search("it", "inteligenza");
        assertThat(results.approximate()).isTrue();
        assertThat(results.hits()).extracting(SearchHit::articleId).containsExactly(id);
        assertThat(fixture.search("it", "intelligenza").approximate()).isFalse();
        assertThat(fixture.search("it", "zzzzqqq").hits()).isEmpty();
    }

    @Test
    void allLanguagesLabelsEachHitWithItsLanguageAndPagesThroughResults() {
        fixture.publish("it", "Energia solare nei borghi", "Pannelli solari e comunità energetiche");
        fixture.publish("es", "Energía solar en los pueblos", "Paneles solares y comunidades");
        fixture.publish("de", "Solarenergie auf dem Land", "Solar und Gemeinden");
        SearchResults all = fixture.search(new SearchRequest("solar", "it", true, null, null, SearchOrder.DATE, 1, 5, false));
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.hits()).extracting(SearchHit::language).containsExactlyInAnyOrder("it", "es", "de");
        SearchResults onlyItalian = fixture.search("it", "solari");
        assertThat(onlyItalian.hits()).extracting(SearchHit::language).containsExactly("it");

        for (int i = 0; i < 5; i++) {
            fixture.publish("pt", "Cozinha número " + i, "Receita de arroz " + i);
        }
        SearchResults second = fixture.search(new SearchRequest("arroz", "pt", false, null, null, SearchOrder.DATE, 2, 2, false));
        assertThat(second.total()).isEqualTo(5);
        assertThat(second.pages()).isEqualTo(3);
        assertThat(second.hits()).hasSize(2);
    }

    @Test
    void anyTextIsAQuery() {
        fixture.publish("en", "Plain text", "Nothing special here");
        for (String text : List.of("", "   ", "\"", "((((", "AND OR NOT", "*", "~", "-", "|", "\u0000", "\uE000x\uE001",
                "a".repeat(5000), "word ".repeat(3000), "😀", "<script>alert(1)</script>", "title_it:x", "\"unclosed phrase")) {
            assertThat(fixture.search("en", text)).isNotNull();
            assertThat(fixture.search(new SearchRequest(text, "xx", true, null, null, SearchOrder.DATE, 99, 10, false)))
                    .isNotNull();
        }
    }

    @Test
    void relatedArticlesAreSimilarTextsInTheSameLanguageNeverTheArticleItself() {
        long bees = fixture.publish("en", "Urban beekeeping on rooftops",
                "Beekeepers keep hives of honey bees on city rooftops; the bees feed on park flowers and the honey tastes of lime trees.");
        long moreBees = fixture.publish("en", "Honey from the city",
                "City honey comes from hives on rooftops, where bees find lime trees and flowers in every park.");
        long unrelated = fixture.publish("en", "Tax forms explained", "How to file the yearly tax return without errors.");
        long italianBees = fixture.publish("it", "Api in città", "Alveari sui tetti, api e miele di tiglio. Honey bees rooftops hives.");
        List<Long> related = fixture.related(bees, "en", 3);
        assertThat(related).contains(moreBees).doesNotContain(bees, unrelated, italianBees);
    }

    @Test
    void relatedAnswersAreRememberedUntilContentChanges() {
        long bees = fixture.publish("en", "Urban beekeeping on rooftops",
                "Beekeepers keep hives of honey bees on city rooftops; the bees feed on park flowers and lime trees.");
        long moreBees = fixture.publish("en", "Honey from the city",
                "City honey comes from hives on rooftops, where bees find lime trees and flowers in every park.");
        fixture.db.run(em -> {
            MoreLikeThisRelated related = new MoreLikeThisRelated(em, fixture.clock);
            assertThat(related.like(bees, "en", 3)).containsExactly(moreBees);
            long rooftops = fixture.publish("en", "Rooftop hives and lime trees",
                    "More hives of honey bees on rooftops: the bees visit lime trees and park flowers all summer.");
            assertThat(related.like(bees, "en", 3)).as("remembered until content changes").containsExactly(moreBees);
            related.onContentChanged(new ContentChanged("article " + rooftops, fixture.clock.instant()));
            assertThat(related.like(bees, "en", 3)).containsExactlyInAnyOrder(moreBees, rooftops);
        });
    }

    @Test
    void aRebuildRefillsTheIndexAndReportsProgress() throws Exception {
        fixture.publish("de", "Fahrräder in der Stadt", "Mehr Radwege für alle");
        fixture.publish("de", "Züge nach Süden", "Nachtzüge kehren zurück");
        fixture.db.run(em -> org.hibernate.search.mapper.orm.Search.session(em).workspace().purge());
        assertThat(fixture.articleIds("de", "Radweg")).isEmpty();

        RecordedAudit audit = new RecordedAudit();
        LuceneIndexMaintenance maintenance = new LuceneIndexMaintenance(fixture.db.emf(), fixture.clock, audit);
        assertThat(maintenance.rebuildIfOutOfStep()).isTrue();
        long deadline = System.currentTimeMillis() + 30_000;
        while (maintenance.progress().running() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(maintenance.progress().failure()).isNull();
        assertThat(maintenance.progress().done()).isEqualTo(2);
        assertThat(maintenance.progress().percent()).isEqualTo(100);
        assertThat(fixture.articleIds("de", "Radweg")).hasSize(1);
        assertThat(maintenance.rebuildIfOutOfStep()).isFalse();
        assertThat(audit.fired).extracting(e -> e.actor() + " " + e.action()).containsExactly("system search.rebuild");
    }

    @Test
    void anIndexThatCannotBeOpenedIsRemovedBeforeStart(@TempDir Path root) throws IOException {
        Path broken = Files.createDirectories(root.resolve("article_translation"));
        Files.writeString(broken.resolve("segments_1"), "not a segments file");
        Path empty = Files.createDirectories(root.resolve("other"));
        assertThat(IndexDirectoryGuard.removeUnreadable(root)).containsExactly(broken);
        assertThat(broken).doesNotExist();
        assertThat(empty).exists();
        assertThat(IndexDirectoryGuard.removeUnreadable(root.resolve("missing"))).isEmpty();
    }

    @Test
    void anIndexWhoseTextFieldsHaveTermVectorsIsRemovedBeforeStart(@TempDir Path root) throws IOException {
        Path old = root.resolve("article_translation");
        Path current = root.resolve("other");
        writeIndex(old, true);
        writeIndex(current, false);
        assertThat(IndexDirectoryGuard.removeUnreadable(root)).containsExactly(old);
        assertThat(old).doesNotExist();
        assertThat(current).exists();
    }

    private static void writeIndex(Path dir, boolean termVectors) throws IOException {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setStoreTermVectors(termVectors);
        type.setStoreTermVectorPositions(termVectors);
        type.setStoreTermVectorOffsets(termVectors);
        type.freeze();
        try (FSDirectory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            Document doc = new Document();
            doc.add(new Field("body_en", "Honey from the city", type));
            writer.addDocument(doc);
        }
    }
}
