package org.scriptorium.platform.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.scriptorium.platform.config.Settings;

/**
 * Checks, before anything else touches them, the two things an operator most often gets wrong: a data
 * directory the process cannot write and a database it cannot reach. Each failure becomes a
 * {@link StartupFailure} whose message names the environment variable to fix.
 */
public final class StartupChecks {

    private static final List<String> SUBDIRECTORIES = List.of("db", "index", "media", "outbox", "batch");

    private StartupChecks() {
    }

    /** Creates the data directory and its sub-folders and proves that they can be written. */
    public static void checkDataDir(Settings settings) {
        Path dir = settings.dataDir();
        String key = Settings.envName(Settings.DATA_DIR);
        try {
            for (String sub : SUBDIRECTORIES) {
                Files.createDirectories(dir.resolve(sub));
            }
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new StartupFailure(key + ": the data directory " + dir + " cannot be written ("
                    + describe(e) + "). Set " + key + " to a folder this process may write.");
        }
    }

    /** Checks that the URL is one we support and that a connection can be opened. */
    public static void checkDatabase(Settings settings, DataSource dataSource) {
        String key = Settings.envName(Settings.DB_URL);
        String url = settings.dbUrl();
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new StartupFailure(key + ": '" + url + "' is not a supported database URL. Use jdbc:postgresql://HOST:PORT/DB"
                    + " for PostgreSQL, or leave " + key + " unset for the embedded H2 database.");
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(5);
        } catch (SQLException | RuntimeException e) {
            throw new StartupFailure(key + ": cannot connect to " + url + " (" + describe(e) + "). Check "
                    + key + ", " + Settings.envName(Settings.DB_USER) + " and " + Settings.envName(Settings.DB_PASSWORD) + ".");
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
