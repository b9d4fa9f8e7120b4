package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;
import org.scriptorium.testing.DatabaseNeutral;

/**
 * The search index is derived data: with the real WAR on its own Payara and data directory, an index whose
 * files were overwritten with garbage while the site was down, and then an index folder that is gone, are both
 * rebuilt at the next start, and a search for a demo article's words finds it again.
 */
@DatabaseNeutral
class IndexRecoveryIT {

    private static final int PORT = Integer.getInteger("scriptorium.it.port", 18080) + 1;
    private static final Duration READY = Duration.ofSeconds(Integer.getInteger("scriptorium.it.ready.seconds", 900));
    /** Words of a demo article in English; the page is asked past the page cache. */
    private static final String SEARCH = "/en/search?q=open+source";

    @Test
    void aCorruptAndThenAMissingIndexAreRebuiltAtStart() throws Exception {
        Path dir = Path.of(System.getProperty("scriptorium.it.dir", "target/it"), "index-" + System.currentTimeMillis());
        Path data = dir.resolve("data");
        Map<String, String> env = new HashMap<>(RunningSite.databaseEnvironment());
        env.put("SCRIPTORIUM_DATA_DIR", data.toString());
        env.put("SCRIPTORIUM_BASE_URL", "http://localhost:" + PORT);

        try (PayaraProcess first = PayaraProcess.start(PORT, env, dir.resolve("first")).awaitReady(READY)) {
            awaitFound(first);
        }
        Path index = data.resolve("index");
        List<Path> files = files(index);
        assertThat(files).as("index files under " + index).isNotEmpty();
        Random random = new Random(42);
        for (Path f : files) {
            byte[] garbage = new byte[(int) Math.max(16, Files.size(f))];
            random.nextBytes(garbage);
            Files.write(f, garbage);
        }

        try (PayaraProcess second = PayaraProcess.start(PORT, env, dir.resolve("second")).awaitReady(READY)) {
            awaitFound(second);
            assertThat(second.log()).contains("cannot be read; it will be rebuilt");
        }

        try (Stream<Path> all = Files.walk(index)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        try (PayaraProcess third = PayaraProcess.start(PORT, env, dir.resolve("third")).awaitReady(READY)) {
            awaitFound(third);
        }
    }

    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("write.lock")).toList();
        }
    }

    /** Waits (the rebuild runs in the background once the site answers) until the search finds the article. */
    private static void awaitFound(PayaraProcess site) throws Exception {
        Browserless reader = new Browserless(site.baseUrl());
        long until = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        HttpResponse<String> page;
        do {
            page = reader.get(SEARCH, "X-Scriptorium-Cache", "bypass");
            if (page.statusCode() == 200 && page.body().contains("id=\"search-results\"") && page.body().contains("<mark>")) {
                return;
            }
            Thread.sleep(1000);
        } while (System.nanoTime() < until);
        throw new AssertionError("the search never found the demo article; last answer " + page.statusCode() + ":\n"
                + page.body().replaceAll("(?s).*?(<main.*?</main>).*", "$1") + "\n" + site.tail(30));
    }
}
