package org.scriptorium.search.infrastructure;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.scriptorium.content.application.RelatedArticles;
import org.scriptorium.content.domain.ContentEvent;
import org.scriptorium.content.domain.ArticleTranslation;
import org.scriptorium.content.domain.PublicationStatus;

/**
 * Related articles by text similarity: Lucene's MoreLikeThis picks the most telling words of the article's
 * title and body (in its language's analysis) and looks for other published translations in the same
 * language that use them, the title's words weighing more. The content feature sees only
 * {@link RelatedArticles}, and fills up with articles of the same category when this finds too few.
 */
@ApplicationScoped
@Transactional
public class MoreLikeThisRelated implements RelatedArticles {

    private static final Logger LOG = Logger.getLogger(MoreLikeThisRelated.class.getName());
    private static final int MAX_TERMS = 25;
    /** Extra answers fetched for articles published for a later time, which are left out until then. */
    private static final int SCHEDULED_ROOM = 6;
    private static final int REMEMBERED = 4_000;

    /** An article like this one and when its translation is (or will be) published; its date, for a published one. */
    private record Candidate(long articleId, Instant publishedAt) {
    }

    private record Key(long articleId, String language, int limit) {
    }

    /**
     * Answers already computed, most recently used last: a MoreLikeThis query costs more than the rest of an
     * article page together, and its answer changes only when content does.
     */
    private final Map<Key, List<Candidate>> remembered = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, List<Candidate>> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final AtomicLong generation = new AtomicLong();

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    private Clock clock;

    protected MoreLikeThisRelated() {
    }

    @Inject
    public MoreLikeThisRelated(Clock clock) {
        this.clock = clock;
    }

    /** Outside the container: over a given entity manager. */
    public MoreLikeThisRelated(EntityManager em, Clock clock) {
        this.clock = clock;
        this.em = em;
    }

    /** Never fails the article page: when the index cannot answer, there are simply no similar articles. */
    @Override
    public List<Long> like(long articleId, String language, int limit) {
        try {
            Key key = new Key(articleId, language, limit);
            long seenGeneration = generation.get();
            List<Candidate> candidates;
            synchronized (remembered) {
                candidates = remembered.get(key);
            }
            if (candidates == null) {
                candidates = similar(articleId, language, limit + SCHEDULED_ROOM);
                synchronized (remembered) {
                    if (generation.get() == seenGeneration) {
                        remembered.put(key, candidates);
                    }
                }
            }
            Instant now = clock.instant();
            return candidates.stream().filter(c -> !c.publishedAt().isAfter(now)).map(Candidate::articleId)
                    .limit(limit).toList();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Related articles for article " + articleId + " could not be searched", e);
            return List.of();
        }
    }

    /**
     * Forgets every remembered answer once content changes: what is similar, and what is published, may have
     * changed. Answers being computed while the change commits are not remembered.
     */
    public void onContentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentEvent event) {
        synchronized (remembered) {
            generation.incrementAndGet();
            remembered.clear();
        }
    }

    private List<Candidate> similar(long articleId, String language, int limit) {
        List<ArticleTranslation> found = em.createQuery("select t from ArticleTranslation t"
                        + " where t.article.id = :id and t.language = :language", ArticleTranslation.class)
                .setParameter("id", articleId).setParameter("language", language).getResultList();
        if (found.isEmpty()) {
            return List.of();
        }
        ArticleTranslation translation = found.get(0);
        String analyzer = ScriptoriumAnalysis.analyzerFor(language);
        SearchSession session = Search.session(em);
        Query similar;
        try (IndexReader reader = session.scope(ArticleTranslation.class).extension(LuceneExtension.get()).openIndexReader()) {
            similar = similarTo(reader, analyzer, translation.getTitle(), TranslationBinder.text(translation.getBody()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (similar == null) {
            return List.of();
        }
        Query query = similar;
        return session.search(ArticleTranslation.class)
                .select(f -> f.composite().from(f.field(SearchFields.ARTICLE_ID, Long.class),
                        f.field(SearchFields.DATE, Instant.class)).as(Candidate::new))
                .where((f, root) -> {
                    root.add(f.extension(LuceneExtension.get()).fromLuceneQuery(query));
                    root.add(f.match().field(SearchFields.LANGUAGE).matching(language));
                    root.add(f.match().field(SearchFields.STATUS).matching(PublicationStatus.PUBLISHED.name()));
                    root.add(f.exists().field(SearchFields.PUBLISH_AT));
                    root.add(f.not(f.match().field(SearchFields.ARTICLE_ID).matching(articleId)));
                })
                .fetchHits(limit);
    }

    /** The MoreLikeThis query for a title and body, or null when they have no telling word. */
    static Query similarTo(IndexReader reader, String analyzer, String title, String body) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(reader);
        mlt.setAnalyzer(ScriptoriumAnalysis.analyzer(analyzer));
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(2);
        mlt.setMinWordLen(3);
        mlt.setMaxQueryTerms(MAX_TERMS);
        mlt.setBoost(true);
        String titleField = SearchFields.title(analyzer);
        String bodyField = SearchFields.body(analyzer);
        mlt.setFieldNames(new String[] {titleField});
        Query byTitle = mlt.like(titleField, new StringReader(title));
        mlt.setFieldNames(new String[] {bodyField});
        Query byBody = mlt.like(bodyField, new StringReader(body));
        BooleanQuery.Builder both = new BooleanQuery.Builder();
        int clauses = 0;
        if (byTitle instanceof BooleanQuery b && !b.clauses().isEmpty()) {
            both.add(new BoostQuery(byTitle, 2f), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        if (byBody instanceof BooleanQuery b && !b.clauses().isEmpty()) {
            both.add(byBody, BooleanClause.Occur.SHOULD);
            clauses++;
        }
        return clauses == 0 ? null : both.build();
    }
}
