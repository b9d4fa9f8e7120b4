package org.scriptorium.search.infrastructure;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.dsl.ProjectionFinalStep;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.scriptorium.content.domain.ArticleTranslation;
import org.scriptorium.content.domain.Category;
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
 * for a page of results: titles, slugs, dates and the stored body text are projected from the index; only the
 * names of the category facets are looked up, all in one query.
 *
 * <p>Snippets and marked titles come from our {@link QueryHighlighter}, not from Hibernate Search's highlight
 * projections: in the search bench the unified highlighter was the main cost of a search, while a page needs
 * only one short passage of each of its ten hits.
 *
 * <p>Typo tolerance: when nothing matches exactly, the words of five letters or more are matched with one
 * edit (a wrong, missing, extra or swapped letter), and the results say they are approximate. One edit,
 * not two: in the search bench, building the automata for two edits took a third of all search time (they
 * are built anew for every query that found nothing), and two typos in one word are rare. The automaton of
 * each analysed word is built once per search ({@link OneEdit}) and shared by the title and body fields of
 * every language searched, rather than once per field as Lucene's fuzzy query does.
 */
@ApplicationScoped
@Transactional
public class HibernateSearchService implements SearchService {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cs}]");
    private static final int FACETS = 20;
    private static final AggregationKey<Map<Long, Long>> CATEGORIES = AggregationKey.of("categories");
    private static final AggregationKey<Map<Integer, Long>> YEARS = AggregationKey.of("years");
    /**
     * Searches running at once in this process: one per processor, the others wait their turn in order. A
     * search is pure CPU work; run side by side with more searches than processors, each takes as many times
     * longer as there are searches per processor, so a long search behind a few others took the whole wait
     * of all of them in time slices. Queued in order, the same work ends sooner on average for the short ones
     * and no later for the long ones, with fewer thread switches.
     */
    private static final Semaphore SEARCHING = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

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
        SEARCHING.acquireUninterruptibly();
        try {
            return searchNow(request, text);
        } finally {
            SEARCHING.release();
        }
    }

    private SearchResults searchNow(SearchRequest request, String text) {
        List<String> analyzers = request.allLanguages() ? SearchFields.ANALYZERS
                : List.of(ScriptoriumAnalysis.analyzerFor(request.language()));
        SearchResult<List<?>> result = run(request, text, analyzers, null);
        Map<String, List<OneEdit>> approximateWords = null;
        if (result.total().hitCount() == 0 && request.page() == 1 && !longWords(text).isEmpty()) {
            approximateWords = oneEditWords(text, analyzers);
            result = run(request, text, analyzers, approximateWords);
        }
        boolean approximate = approximateWords != null && result.total().hitCount() > 0;
        long total = result.total().hitCount();
        int pages = (int) ((total + request.size() - 1) / request.size());
        Map<String, QueryHighlighter> highlighters = new HashMap<>();
        List<SearchHit> hits = new ArrayList<>();
        for (List<?> row : result.hits()) {
            String analyzer = ScriptoriumAnalysis.analyzerFor((String) row.get(2));
            Map<String, List<OneEdit>> words = approximateWords;
            QueryHighlighter highlighter = highlighters.computeIfAbsent(analyzer, a -> words == null
                    ? QueryHighlighter.exact(text, a) : QueryHighlighter.approximate(words.getOrDefault(a, List.of()), a));
            int column = analyzers.indexOf(analyzer);
            hits.add(hit(row, column < 0 ? null : (String) row.get(8 + column), highlighter));
        }
        Map<Long, Long> categoryCounts = result.aggregation(CATEGORIES);
        Map<Long, String> names = categoryNames(categoryCounts.keySet(), request.language());
        List<FacetValue> categoryFacets = new ArrayList<>();
        categoryCounts.forEach((id, count) -> categoryFacets.add(new FacetValue(String.valueOf(id),
                names.getOrDefault(id, String.valueOf(id)), count)));
        List<FacetValue> yearFacets = new ArrayList<>();
        result.aggregation(YEARS).forEach((year, count) -> yearFacets.add(new FacetValue(String.valueOf(year),
                String.valueOf(year), count)));
        yearFacets.sort((a, b) -> b.value().compareTo(a.value()));
        return new SearchResults(request, hits, total, request.page(), pages, categoryFacets, yearFacets, approximate);
    }

    private SearchResult<List<?>> run(SearchRequest request, String text, List<String> analyzers,
                                      Map<String, List<OneEdit>> words) {
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
                        columns.add(f.field(SearchFields.body(analyzer), String.class));
                    }
                    return f.composite(columns.toArray(ProjectionFinalStep[]::new));
                })
                .where(f -> f.bool(b -> {
                    b.must(f.bool(any -> {
                        for (String analyzer : analyzers) {
                            any.should(words == null ? exact(f, analyzer, text) : fuzzy(f, analyzer, words.get(analyzer)));
                        }
                    }));
                    if (!request.editorial()) {
                        b.filter(f.match().field(SearchFields.STATUS).matching(PublicationStatus.PUBLISHED.name()));
                        b.filter(f.range().field(SearchFields.PUBLISH_AT).atMost(now));
                    }
                    if (!request.allLanguages()) {
                        b.filter(f.match().field(SearchFields.LANGUAGE).matching(request.language()));
                    }
                    if (request.categoryId() != null) {
                        b.filter(f.match().field(SearchFields.CATEGORY).matching(request.categoryId()));
                    }
                    if (request.year() != null) {
                        b.filter(f.match().field(SearchFields.YEAR).matching(request.year()));
                    }
                }))
                .sort(f -> request.order() == SearchOrder.DATE ? f.field(SearchFields.DATE).desc()
                        : f.score().then().field(SearchFields.DATE).desc())
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

    private static PredicateFinalStep fuzzy(SearchPredicateFactory f, String analyzer, List<OneEdit> words) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (OneEdit word : words) {
            all.add(new BooleanQuery.Builder()
                    .add(new BoostQuery(new OneEditQuery(SearchFields.title(analyzer), word), 3f), BooleanClause.Occur.SHOULD)
                    .add(new OneEditQuery(SearchFields.body(analyzer), word), BooleanClause.Occur.SHOULD)
                    .build(), BooleanClause.Occur.MUST);
        }
        return f.extension(LuceneExtension.get()).fromLuceneQuery(all.build());
    }

    /**
     * The long words of the query as each analyser sees them, one {@link OneEdit} per distinct analysed word:
     * most analysers agree on most words, and the automaton is the costly part of a typo search.
     */
    private static Map<String, List<OneEdit>> oneEditWords(String text, List<String> analyzers) {
        Map<String, OneEdit> shared = new HashMap<>();
        Map<String, List<OneEdit>> byAnalyzer = new HashMap<>();
        List<String> longWords = longWords(text);
        for (String analyzer : analyzers) {
            List<OneEdit> words = new ArrayList<>();
            for (String word : longWords) {
                for (String term : QueryHighlighter.terms(analyzer, word)) {
                    words.add(shared.computeIfAbsent(term, OneEdit::new));
                }
            }
            byAnalyzer.put(analyzer, words);
        }
        return byAnalyzer;
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

    private static SearchHit hit(List<?> row, String body, QueryHighlighter highlighter) {
        String title = (String) row.get(3);
        return new SearchHit((Long) row.get(1), (Long) row.get(0), (String) row.get(2), title,
                Snippets.toHtml(highlighter.title(title)), (String) row.get(4), (String) row.get(5),
                body == null ? "" : Snippets.toHtml(highlighter.snippet(body)), (Instant) row.get(6), (String) row.get(7));
    }

    /** The names of the facet categories in the page's language (or another), loaded in one query. */
    private Map<Long, String> categoryNames(Set<Long> ids, String language) {
        Map<Long, String> names = new HashMap<>();
        for (Category c : categories.findAllById(ids)) {
            c.translation(language).or(() -> c.getTranslations().values().stream().findFirst())
                    .ifPresent(ct -> names.put(c.getId(), ct.getName()));
        }
        return names;
    }
}
