package org.scriptorium.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.platform.config.Settings;

/**
 * The embedded database keeps every committed transaction when the process is killed with SIGKILL: a child
 * JVM commits rows one by one on the default H2 URL's options, is killed right after its last commit, and
 * every row is there when the database is opened again.
 */
class EmbeddedDatabaseDurabilityTest {

    static final int ROWS = 200;

    @TempDir
    Path tmp;

    /** The child: commits {@link #ROWS} rows one transaction each, says so, and waits to be killed. */
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0])) {
            c.createStatement().execute("create table t (id int primary key)");
            for (int i = 0; i < ROWS; i++) {
                c.createStatement().execute("insert into t values (" + i + ")");
            }
            System.out.println("committed");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }

    @Test
    void aKilledProcessLosesNoCommittedTransaction() throws Exception {
        String url = "jdbc:h2:file:" + tmp.resolve("db").toAbsolutePath() + Settings.EMBEDDED_OPTIONS;
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedDatabaseDurabilityTest.class.getName(), url))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("committed")) {
                continue;
            }
            assertThat(line).as("the child committed its rows").isEqualTo("committed");
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (Connection c = DriverManager.getConnection(url); ResultSet r = c.createStatement().executeQuery("select count(*) from t")) {
            r.next();
            assertThat(r.getInt(1)).as("rows after SIGKILL").isEqualTo(ROWS);
        }
    }
}
