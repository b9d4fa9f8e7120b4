package org.scriptorium.search.infrastructure;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.dsl.ProjectionFinalStep;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.scriptorium.content.domain.ArticleTranslation;
import org.scriptorium.content.domain.CategoryRepository;
import org.scriptorium.content.domain.PublicationStatus;
import org.scriptorium.search.application.FacetValue;
import org.scriptorium.search.application.SearchHit;
import org.scriptorium.search.application.SearchOrder;
import org.scriptorium.search.application.SearchRequest;
import org.scriptorium.search.application.SearchResults;
import org.scriptorium.search.application.SearchService;

/**
 * {@link SearchService} over the Lucene index. The reader's text goes through Lucene's simple query syntax
 * (quotes for phrases, {@code -} to exclude, {@code |} for either), all words required, the title weighing
 * three times the body, each language analysed with its own analyser. Nothing is loaded from the database
 * for a page of results: titles, slugs, dates and snippets are projected from the index; only the names of
 * category facets are looked up.
 *
 * <p>Typo tolerance: when nothing matches exactly, the words of five letters or more are matched with one
 * edit (a wrong, missing, extra or swapped letter), and the results say they are approximate. One edit,
 * not two: in the search bench, building the automata for two edits took a third of all search time (they
 * are built anew for every query that found nothing), and two typos in one word are rare.
 */
@ApplicationScoped
@Transactional
public class HibernateSearchService implements SearchService {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cs}]");
    private static final int SNIPPET = 200;
    private static final int FACETS = 20;
    private static final AggregationKey<Map<Long, Long>> CATEGORIES = AggregationKey.of("categories");
    private static final AggregationKey<Map<Integer, Long>> YEARS = AggregationKey.of("years");

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    private Clock clock;
    private CategoryRepository categories;

    protected HibernateSearchService() {
    }

    @Inject
    public HibernateSearchService(Clock clock, CategoryRepository categories) {
        this.clock = clock;
        this.categories = categories;
    }

    /** Outside the container: over a given entity manager. */
    public HibernateSearchService(EntityManager em, Clock clock, CategoryRepository categories) {
        this(clock, categories);
        this.em = em;
    }

    @Override
    public SearchResults search(SearchRequest request) {
        String text = clean(request.text());
        if (text.isEmpty() || !WORD.matcher(text).find()) {
            return SearchResults.none(request);
        }
        List<String> analyzers = request.allLanguages() ? SearchFields.ANALYZERS
                : List.of(ScriptoriumAnalysis.analyzerFor(request.language()));
        SearchResult<List<?>> result = run(request, text, analyzers, false);
        boolean approximate = false;
        if (result.total().hitCount() == 0 && request.page() == 1 && !longWords(text).isEmpty()) {
            result = run(request, text, analyzers, true);
            approximate = result.total().hitCount() > 0;
        }
        long total = result.total().hitCount();
        int pages = (int) ((total + request.size() - 1) / request.size());
        List<SearchHit> hits = new ArrayList<>();
        for (List<?> row : result.hits()) {
            hits.add(hit(row, analyzers.size()));
        }
        List<FacetValue> categoryFacets = new ArrayList<>();
        result.aggregation(CATEGORIES).forEach((id, count) -> categoryFacets.add(new FacetValue(String.valueOf(id),
                categoryName(id, request.language()), count)));
        List<FacetValue> yearFacets = new ArrayList<>();
        result.aggregation(YEARS).forEach((year, count) -> yearFacets.add(new FacetValue(String.valueOf(year),
                String.valueOf(year), count)));
        yearFacets.sort((a, b) -> b.value().compareTo(a.value()));
        return new SearchResults(request, hits, total, request.page(), pages, categoryFacets, yearFacets, approximate);
    }

    private SearchResult<List<?>> run(SearchRequest request, String text, List<String> analyzers, boolean fuzzy) {
        Instant now = clock.instant();
        int offset = (request.page() - 1) * request.size();
        return Search.session(em).search(ArticleTranslation.class)
                .select(f -> {
                    List<ProjectionFinalStep<?>> columns = new ArrayList<>(List.of(
                            f.id(Long.class), f.field(SearchFields.ARTICLE_ID, Long.class),
                            f.field(SearchFields.LANGUAGE, String.class), f.field(SearchFields.DISPLAY_TITLE, String.class),
                            f.field(SearchFields.SLUG, String.class), f.field(SearchFields.EXCERPT, String.class),
                            f.field(SearchFields.DATE, Instant.class), f.field(SearchFields.STATUS, String.class)));
                    for (String analyzer : analyzers) {
                        columns.add(f.highlight(SearchFields.title(analyzer)).highlighter("title"));
                        columns.add(f.highlight(SearchFields.body(analyzer)));
                    }
                    return f.composite(columns.toArray(ProjectionFinalStep[]::new));
                })
                .where((f, root) -> {
                    root.add(f.bool(b -> {
                        for (String analyzer : analyzers) {
                            b.should(fuzzy ? fuzzy(f, analyzer, text) : exact(f, analyzer, text));
                        }
                    }));
                    if (!request.editorial()) {
                        root.add(f.match().field(SearchFields.STATUS).matching(PublicationStatus.PUBLISHED.name()));
                        root.add(f.range().field(SearchFields.PUBLISH_AT).atMost(now));
                    }
                    if (!request.allLanguages()) {
                        root.add(f.match().field(SearchFields.LANGUAGE).matching(request.language()));
                    }
                    if (request.categoryId() != null) {
                        root.add(f.match().field(SearchFields.CATEGORY).matching(request.categoryId()));
                    }
                    if (request.year() != null) {
                        root.add(f.match().field(SearchFields.YEAR).matching(request.year()));
                    }
                })
                .sort(f -> request.order() == SearchOrder.DATE ? f.field(SearchFields.DATE).desc()
                        : f.score().then().field(SearchFields.DATE).desc())
                .highlighter(h -> h.unified().tag(Snippets.START, Snippets.END).numberOfFragments(1).noMatchSize(SNIPPET))
                .highlighter("title", h -> h.unified().tag(Snippets.START, Snippets.END).numberOfFragments(1).noMatchSize(400))
                .aggregation(CATEGORIES, f -> f.terms().field(SearchFields.CATEGORY, Long.class).maxTermCount(FACETS))
                .aggregation(YEARS, f -> f.terms().field(SearchFields.YEAR, Integer.class).maxTermCount(FACETS))
                .fetch(offset, request.size());
    }

    private static PredicateFinalStep exact(SearchPredicateFactory f, String analyzer, String text) {
        return f.simpleQueryString()
                .field(SearchFields.title(analyzer)).boost(3f)
                .field(SearchFields.body(analyzer))
                .matching(text)
                .defaultOperator(BooleanOperator.AND);
    }

    private static PredicateFinalStep fuzzy(SearchPredicateFactory f, String analyzer, String text) {
        BooleanPredicateClausesStep<?> all = f.bool();
        for (String word : longWords(text)) {
            all.must(f.match().field(SearchFields.title(analyzer)).boost(3f).field(SearchFields.body(analyzer))
                    .matching(word).fuzzy(1, 1));
        }
        return all;
    }

    /** The words of a query long enough for typo tolerance. */
    static List<String> longWords(String text) {
        List<String> words = new ArrayList<>();
        var m = WORD.matcher(text);
        while (m.find() && words.size() < 8) {
            if (m.group().codePointCount(0, m.group().length()) >= 5) {
                words.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /** The query text without control and private-use characters, cut to the maximum length. */
    static String clean(String text) {
        String cleaned = CONTROL.matcher(text).replaceAll(" ").strip();
        if (cleaned.length() > SearchRequest.MAX_LENGTH) {
            int end = SearchRequest.MAX_LENGTH;
            if (Character.isHighSurrogate(cleaned.charAt(end - 1))) {
                end--;
            }
            cleaned = cleaned.substring(0, end);
        }
        return cleaned;
    }

    private static SearchHit hit(List<?> row, int analyzers) {
        String title = (String) row.get(3);
        String titleHtml = null;
        String snippet = null;
        for (int i = 0; i < analyzers; i++) {
            titleHtml = first(row.get(8 + 2 * i), titleHtml);
            snippet = first(row.get(9 + 2 * i), snippet);
        }
        return new SearchHit((Long) row.get(1), (Long) row.get(0), (String) row.get(2), title,
                titleHtml == null ? Snippets.toHtml(title) : Snippets.toHtml(titleHtml), (String) row.get(4),
                (String) row.get(5), snippet == null ? "" : Snippets.toHtml(snippet), (Instant) row.get(6),
                (String) row.get(7));
    }

    private static String first(Object highlights, String current) {
        if (current != null || !(highlights instanceof List<?> list) || list.isEmpty()) {
            return current;
        }
        return (String) list.get(0);
    }

    private String categoryName(long id, String language) {
        return categories.findById(id)
                .flatMap(c -> c.translation(language).or(() -> c.getTranslations().values().stream().findFirst()))
                .map(ct -> ct.getName())
                .orElse(String.valueOf(id));
    }
}
