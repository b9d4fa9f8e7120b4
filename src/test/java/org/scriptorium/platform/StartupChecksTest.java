package org.scriptorium.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.platform.config.Settings;
import org.scriptorium.platform.health.DatabaseReadiness;
import org.scriptorium.platform.persistence.ConfiguredDataSource;
import org.scriptorium.platform.persistence.StartupChecks;
import org.scriptorium.platform.persistence.StartupFailure;

import org.scriptorium.testing.MapConfig;

class StartupChecksTest {

    @TempDir
    Path tmp;

    private static Settings settings(Map<String, String> values) {
        return Settings.from(MapConfig.of(values));
    }

    @Test
    void defaultsServeTheEmbeddedRun() {
        Settings s = settings(Map.of());
        assertThat(s.dataDir()).isEqualTo(Path.of("./data").toAbsolutePath().normalize());
        assertThat(s.dbUrl()).startsWith("jdbc:h2:file:" + s.dataDir().resolve("db"));
        assertThat(s.baseUrl()).isEqualTo("http://localhost:8080");
        assertThat(s.demo()).isTrue();
        assertThat(s.isPostgres()).isFalse();
        assertThat(settings(Map.of("scriptorium.db.url", "jdbc:postgresql://db/x", "scriptorium.base.url", "https://mag.example/")).baseUrl())
                .isEqualTo("https://mag.example");
        assertThat(Settings.envName(Settings.DATA_DIR)).isEqualTo("SCRIPTORIUM_DATA_DIR");
    }

    @Test
    void theDataDirectoryAndItsFoldersAreCreated() {
        Settings s = settings(Map.of("scriptorium.data.dir", tmp.resolve("site").toString()));
        StartupChecks.checkDataDir(s);
        for (String sub : new String[] {"db", "index", "media", "outbox", "batch"}) {
            assertThat(tmp.resolve("site").resolve(sub)).isDirectory();
        }
    }

    @Test
    void anUnwritableDataDirectoryNamesTheKeyToFix() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        Settings s = settings(Map.of("scriptorium.data.dir", file.resolve("data").toString()));
        assertThatThrownBy(() -> StartupChecks.checkDataDir(s))
                .isInstanceOf(StartupFailure.class)
                .hasMessageStartingWith("SCRIPTORIUM_DATA_DIR: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anUnsupportedOrUnreachableDatabaseNamesTheKeyToFix() {
        Settings wrong = settings(Map.of("scriptorium.db.url", "jdbc:mysql://localhost/x"));
        assertThatThrownBy(() -> StartupChecks.checkDatabase(wrong, ConfiguredDataSource.forSettings(wrong)))
                .isInstanceOf(StartupFailure.class).hasMessageStartingWith("SCRIPTORIUM_DB_URL: ");
        Settings unreachable = settings(Map.of("scriptorium.db.url", "jdbc:postgresql://127.0.0.1:1/nothing",
                "scriptorium.db.user", "postgres"));
        assertThatThrownBy(() -> StartupChecks.checkDatabase(unreachable, ConfiguredDataSource.forSettings(unreachable)))
                .isInstanceOf(StartupFailure.class)
                .hasMessageStartingWith("SCRIPTORIUM_DB_URL: cannot connect to jdbc:postgresql://127.0.0.1:1/nothing")
                .hasMessageContaining("SCRIPTORIUM_DB_USER").hasMessageNotContaining("\n");
    }

    @Test
    void readinessIsUpWithAWorkingDatabaseAndDownWithoutOne() {
        String h2 = "jdbc:h2:mem:ready;DB_CLOSE_DELAY=-1";
        assertThat(DatabaseReadiness.problem(ConfiguredDataSource.forUrl(h2, "", ""))).isEmpty();
        assertThat(DatabaseReadiness.problem(ConfiguredDataSource.forUrl("jdbc:postgresql://127.0.0.1:1/x", "postgres", "")))
                .hasValueSatisfying(error -> assertThat(error).isNotBlank());
    }
}
