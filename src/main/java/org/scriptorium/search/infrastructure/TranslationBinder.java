package org.scriptorium.search.infrastructure;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;
import org.scriptorium.content.domain.Article;
import org.scriptorium.content.domain.ArticleTranslation;
import org.scriptorium.content.domain.Category;
import org.scriptorium.content.domain.Tag;

/**
 * Turns an {@link ArticleTranslation} into its search document. The text goes into the fields of the
 * translation's language only ({@code title_it}, {@code body_it}, ...; {@code title_fallback} for a language
 * without an analyser of its own), so each language is analysed for itself and a query in one language never
 * matches stems of another. The HTML of the body is reduced to text first. The language-neutral facts of the
 * article (categories, tags, the year of publication) are copied into every translation's document as
 * keyword and number fields for filters and facets.
 *
 * <p>The body fields are stored (our {@link QueryHighlighter} reads them back); the title fields are not, since
 * results show {@link SearchFields#DISPLAY_TITLE}, and every stored byte is decompressed again for each hit.
 * Neither carries term vectors:
 * nothing reads them since the highlighting is ours, and they made the index larger and slower to write. An
 * index written when they had term vectors is removed at start by {@link IndexDirectoryGuard} and rebuilt.
 *
 * <p>Drafts are indexed too, so that the back office can find them; public searches filter on
 * {@link SearchFields#STATUS} and {@link SearchFields#PUBLISH_AT}.
 */
public class TranslationBinder implements TypeBinder {

    private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    @Override
    public void bind(TypeBindingContext context) {
        context.dependencies()
                .use("language").use("title").use("slug").use("excerpt").use("body").use("status")
                .use("publishAt").use("updatedAt")
                .use("article.categories").use("article.tags");
        IndexSchemaElement schema = context.indexSchemaElement();
        Map<String, IndexFieldReference<String>> titles = new HashMap<>();
        Map<String, IndexFieldReference<String>> bodies = new HashMap<>();
        for (String analyzer : SearchFields.ANALYZERS) {
            titles.put(analyzer, schema.field(SearchFields.title(analyzer), f -> f.asString().analyzer(analyzer)
                    .highlightable(List.of(Highlightable.NO)).projectable(Projectable.NO)).toReference());
            bodies.put(analyzer, schema.field(SearchFields.body(analyzer), f -> f.asString().analyzer(analyzer)
                    .highlightable(List.of(Highlightable.NO)).projectable(Projectable.YES)).toReference());
        }
        Fields fields = new Fields(titles, bodies,
                schema.field(SearchFields.LANGUAGE, f -> f.asString().projectable(Projectable.YES)
                        .aggregable(Aggregable.YES)).toReference(),
                schema.field(SearchFields.STATUS, f -> f.asString().projectable(Projectable.YES)).toReference(),
                schema.field(SearchFields.ARTICLE_ID, f -> f.asLong().projectable(Projectable.YES)).toReference(),
                schema.field(SearchFields.SLUG, f -> f.asString().searchable(Searchable.NO).projectable(Projectable.YES)).toReference(),
                schema.field(SearchFields.DISPLAY_TITLE, f -> f.asString().searchable(Searchable.NO)
                        .projectable(Projectable.YES)).toReference(),
                schema.field(SearchFields.EXCERPT, f -> f.asString().searchable(Searchable.NO)
                        .projectable(Projectable.YES)).toReference(),
                schema.field(SearchFields.PUBLISH_AT, f -> f.asInstant()).toReference(),
                schema.field(SearchFields.DATE, f -> f.asInstant().sortable(Sortable.YES).projectable(Projectable.YES)).toReference(),
                schema.field(SearchFields.YEAR, f -> f.asInteger().aggregable(Aggregable.YES)).toReference(),
                schema.field(SearchFields.CATEGORY, f -> f.asLong().aggregable(Aggregable.YES)).multiValued().toReference(),
                schema.field(SearchFields.TAG, f -> f.asLong().aggregable(Aggregable.YES)).multiValued().toReference());
        context.bridge(ArticleTranslation.class, new Bridge(fields));
    }

    /** Reduces body HTML to the text a reader sees, one space between words. */
    public static String text(String html) {
        if (html == null) {
            return "";
        }
        String text = TAG.matcher(SCRIPT.matcher(html).replaceAll(" ")).replaceAll(" ");
        text = text.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&apos;", "'").replace("&rsquo;", "\u2019")
                .replace("&lsquo;", "\u2018").replace("&ldquo;", "\u201C").replace("&rdquo;", "\u201D");
        return SPACE.matcher(Snippets.stripMarks(text)).replaceAll(" ").trim();
    }

    private record Fields(Map<String, IndexFieldReference<String>> titles, Map<String, IndexFieldReference<String>> bodies,
                          IndexFieldReference<String> language, IndexFieldReference<String> status,
                          IndexFieldReference<Long> articleId, IndexFieldReference<String> slug,
                          IndexFieldReference<String> displayTitle, IndexFieldReference<String> excerpt,
                          IndexFieldReference<Instant> publishAt, IndexFieldReference<Instant> date,
                          IndexFieldReference<Integer> year, IndexFieldReference<Long> category,
                          IndexFieldReference<Long> tag) {
    }

    private static final class Bridge implements TypeBridge<ArticleTranslation> {

        private final Fields fields;

        Bridge(Fields fields) {
            this.fields = fields;
        }

        @Override
        public void write(DocumentElement target, ArticleTranslation t, TypeBridgeWriteContext context) {
            String analyzer = ScriptoriumAnalysis.analyzerFor(t.getLanguage());
            Article article = t.getArticle();
            target.addValue(fields.titles().get(analyzer), Snippets.stripMarks(t.getTitle()));
            target.addValue(fields.bodies().get(analyzer), text(t.getBody()));
            target.addValue(fields.language(), t.getLanguage());
            target.addValue(fields.status(), t.getStatus().name());
            target.addValue(fields.articleId(), article.getId());
            target.addValue(fields.slug(), t.getSlug());
            target.addValue(fields.displayTitle(), t.getTitle());
            if (t.getExcerpt() != null) {
                target.addValue(fields.excerpt(), t.getExcerpt());
            }
            Instant date = t.getPublishAt().orElse(t.getUpdatedAt());
            t.getPublishAt().ifPresent(at -> target.addValue(fields.publishAt(), at));
            target.addValue(fields.date(), date);
            target.addValue(fields.year(), date.atOffset(ZoneOffset.UTC).getYear());
            for (Category category : article.getCategories()) {
                target.addValue(fields.category(), category.getId());
            }
            for (Tag tag : article.getTags()) {
                target.addValue(fields.tag(), tag.getId());
            }
        }
    }
}
