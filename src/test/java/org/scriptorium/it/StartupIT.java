package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;
import org.scriptorium.testing.DatabaseNeutral;

/**
 * Start-up faults an operator makes, and what survives a restart (an article that fell due while the site was
 * down is published by the restarted site's timer); each test boots its own Payara Micro.
 */
class StartupIT {

    private static final int PORT = Integer.getInteger("scriptorium.it.port", 18080) + 1;
    /** How long a start may take: as for the shared site, a busy machine needs minutes. */
    private static final Duration READY = Duration.ofSeconds(Integer.getInteger("scriptorium.it.ready.seconds", 900));

    private static Path workDir(String name) {
        return Path.of(System.getProperty("scriptorium.it.dir", "target/it"), name + "-" + System.currentTimeMillis());
    }

    private static List<String> lines(String log, String containing) {
        return log.lines().filter(l -> l.contains(containing)).toList();
    }

    @Test
    @DatabaseNeutral
    void anUnreachableDatabaseStopsStartUpWithOneLineNamingTheKey() throws Exception {
        Path dir = workDir("bad-db");
        try (PayaraProcess p = PayaraProcess.start(PORT, Map.of(
                "SCRIPTORIUM_DATA_DIR", dir.resolve("data").toString(),
                "SCRIPTORIUM_DB_URL", "jdbc:postgresql://127.0.0.1:1/scriptorium",
                "SCRIPTORIUM_DB_USER", "postgres"), dir)) {
            assertThat(p.awaitExit(Duration.ofSeconds(120))).isNotZero();
            String log = p.log();
            assertThat(lines(log, "Scriptorium cannot start.")).hasSize(1).first().asString()
                    .contains("SCRIPTORIUM_DB_URL: cannot connect to jdbc:postgresql://127.0.0.1:1/scriptorium");
            assertThat(log).doesNotContain("\tat org.scriptorium").doesNotContain("Caused by:");
        }
    }

    @Test
    @DatabaseNeutral
    void aDataDirectoryThatCannotBeWrittenStopsStartUpNamingTheKey() throws Exception {
        Path dir = workDir("bad-dir");
        Files.createDirectories(dir);
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        try (PayaraProcess p = PayaraProcess.start(PORT, Map.of("SCRIPTORIUM_DATA_DIR", file.resolve("data").toString()), dir)) {
            assertThat(p.awaitExit(Duration.ofSeconds(120))).isNotZero();
            assertThat(lines(p.log(), "Scriptorium cannot start.")).hasSize(1).first().asString()
                    .contains("SCRIPTORIUM_DATA_DIR: the data directory");
            assertThat(p.log()).doesNotContain("Caused by:");
        }
    }

    @Test
    @DatabaseNeutral
    void aDatabaseTheMigrationsCannotTakeOverStopsStartUpNamingTheKey() throws Exception {
        Path dir = workDir("bad-schema");
        Path data = dir.resolve("data");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db").resolve("scriptorium").toAbsolutePath());
             Statement st = c.createStatement()) {
            st.execute("create table someone_elses(id int)");
        }
        try (PayaraProcess p = PayaraProcess.start(PORT, Map.of("SCRIPTORIUM_DATA_DIR", data.toString()), dir)) {
            assertThat(p.awaitExit(Duration.ofSeconds(120))).as("the process stops rather than hangs").isEqualTo(78);
            assertThat(lines(p.log(), "Scriptorium cannot start.")).hasSize(1).first().asString()
                    .contains("SCRIPTORIUM_DB_URL: the database schema could not be migrated");
        }
    }

    @Test
    @DatabaseNeutral
    void anUnsupportedDatabaseUrlIsRefusedByName() throws Exception {
        Path dir = workDir("bad-url");
        try (PayaraProcess p = PayaraProcess.start(PORT, Map.of(
                "SCRIPTORIUM_DATA_DIR", dir.resolve("data").toString(),
                "SCRIPTORIUM_DB_URL", "jdbc:oracle:thin:@db:1521/x"), dir)) {
            assertThat(p.awaitExit(Duration.ofSeconds(120))).isNotZero();
            assertThat(lines(p.log(), "Scriptorium cannot start.")).hasSize(1).first().asString()
                    .contains("SCRIPTORIUM_DB_URL: 'jdbc:oracle:thin:@db:1521/x' is not a supported database URL");
        }
    }

    @Test
    void aRestartKeepsUsersAndContentAndLoadsNothingTwice() throws Exception {
        Path dir = workDir("restart");
        Map<String, String> env = new HashMap<>(RunningSite.databaseEnvironment());
        env.put("SCRIPTORIUM_DATA_DIR", dir.resolve("data").toString());
        env.put("SCRIPTORIUM_ADMIN_EMAIL", "first@scriptorium.test");
        String password;
        String home;
        Instant due;
        try (PayaraProcess first = PayaraProcess.start(PORT, env, dir.resolve("first")).awaitReady(READY)) {
            List<String> created = lines(first.log(), "First administrator");
            assertThat(created).hasSize(1);
            String line = created.get(0);
            password = line.substring(line.indexOf("password: ") + 10, line.indexOf(" (generated"));
            home = new Browserless(first.baseUrl()).get("/en/").body();
            // German, so that the English home compared below stays as it was.
            Browserless admin = new Browserless(first.baseUrl());
            assertThat(admin.submit(admin.get("/backoffice/login"), "login",
                    Map.of("email", "first@scriptorium.test", "password", password), "submit").statusCode()).isEqualTo(302);
            due = Instant.now().plusSeconds(45);
            ArticleEditorIT.schedule(admin, "de", "Während der Pause fällig", "faellig-waehrend-der-pause", due);
        }
        assertThat(lines(Files.readString(dir.resolve("first").resolve("payara.log")), "scheduled translation"))
                .as("the first run stopped before the article was due").isEmpty();
        try (PayaraProcess second = PayaraProcess.start(PORT, env, dir.resolve("second")).awaitReady(READY)) {
            assertThat(lines(second.log(), "First administrator")).isEmpty();
            assertThat(lines(second.log(), "Demo content loaded")).isEmpty();
            Browserless b = new Browserless(second.baseUrl());
            assertThat(PublicSiteIT.articleLinks(b.get("/en/").body(), "en")).isEqualTo(PublicSiteIT.articleLinks(home, "en"));
            HttpResponse<String> form = b.get("/backoffice/login");
            HttpResponse<String> after = b.submit(form, "login", Map.of("email", "first@scriptorium.test", "password", password), "submit");
            assertThat(after.statusCode()).isEqualTo(302);
            assertThat(b.get("/backoffice/").statusCode()).isEqualTo(200);

            Instant online = ArticleEditorIT.awaitOnline(b, "/de/faellig-waehrend-der-pause", Duration.ofSeconds(120));
            assertThat(online).isAfter(due);
            assertThat(lines(second.log(), "scheduled translation")).as("published by the restarted site's timer").isNotEmpty();
        }
    }
}
