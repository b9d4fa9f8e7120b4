package org.scriptorium.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.scriptorium.platform.persistence.ConfiguredDataSource;

/**
 * One Payara Micro running the WAR with the demo content, shared by all integration tests of a run and
 * stopped when the JVM ends. On H2 by default; on a fresh PostgreSQL database with {@code -Ppostgres}.
 */
public final class RunningSite {

    public static final String ADMIN_EMAIL = "chief@scriptorium.test";
    public static final String ADMIN_PASSWORD = "correct horse battery staple";

    private static PayaraProcess instance;
    private static String databaseUrl;
    private static String databaseUser = "";
    private static AkismetTestServer akismet;
    private static Path dataDir;

    private RunningSite() {
    }

    public static synchronized PayaraProcess get() {
        if (instance == null) {
            try {
                int port = Integer.getInteger("scriptorium.it.port", 18080);
                Path dir = Path.of(System.getProperty("scriptorium.it.dir", "target/it"), "site-" + System.currentTimeMillis());
                Map<String, String> env = new HashMap<>();
                dataDir = dir.resolve("data");
                env.put("SCRIPTORIUM_DATA_DIR", dataDir.toString());
                env.put("SCRIPTORIUM_BASE_URL", "http://localhost:" + port);
                env.put("SCRIPTORIUM_ADMIN_EMAIL", ADMIN_EMAIL);
                env.put("SCRIPTORIUM_ADMIN_PASSWORD", ADMIN_PASSWORD);
                env.put("SCRIPTORIUM_PAGE_SIZE", "2");
                env.put("SCRIPTORIUM_TRUSTED_PROXIES", "127.0.0.1,0:0:0:0:0:0:0:1");
                // Push messages go to PushServiceTestServer on a loopback port, and retries come quickly.
                env.put("SCRIPTORIUM_PUSH_ENDPOINTS", "http://127.0.0.1:*");
                env.put("SCRIPTORIUM_PUSH_RETRY_SECONDS", "2");
                env.putAll(databaseEnvironment());
                if (!env.containsKey("SCRIPTORIUM_DB_URL")) {
                    // AUTO_SERVER lets tests open the same H2 file while the site runs, e.g. to add users
                    env.put("SCRIPTORIUM_DB_URL", "jdbc:h2:file:" + dir.resolve("data").resolve("db").resolve("scriptorium")
                            .toAbsolutePath() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
                }
                databaseUrl = env.get("SCRIPTORIUM_DB_URL");
                databaseUser = env.getOrDefault("SCRIPTORIUM_DB_USER", "");
                akismet = AkismetTestServer.startOnFreePort();
                env.put("SCRIPTORIUM_AKISMET_KEY", AkismetTestServer.VALID_KEY);
                env.put("SCRIPTORIUM_AKISMET_ENDPOINT", akismet.endpoint());
                PayaraProcess started = PayaraProcess.start(port, env, dir);
                PayaraProcess p;
                try {
                    p = started.awaitReady(Duration.ofSeconds(Integer.getInteger("scriptorium.it.ready.seconds", 900)));
                } catch (RuntimeException e) {
                    started.close();
                    throw e;
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        p.close();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
                instance = p;
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the site", e);
            }
        }
        return instance;
    }

    /** The JDBC URL of the running site's database, which tests may open alongside it. */
    public static synchronized String databaseUrl() {
        get();
        return databaseUrl;
    }

    public static synchronized String databaseUser() {
        get();
        return databaseUser;
    }

    /**
     * The Akismet the site talks to (configured with {@link AkismetTestServer#VALID_KEY}); tests may switch its
     * mode but must set it back to {@link AkismetTestServer.Mode#NORMAL}.
     */
    public static synchronized AkismetTestServer akismet() {
        get();
        return akismet;
    }

    /** The site's data directory (its {@code outbox/} holds the e-mail the site sent). */
    public static synchronized Path dataDir() {
        get();
        return dataDir;
    }

    /** The database settings for a new site: nothing for H2, a new PostgreSQL database otherwise. */
    public static Map<String, String> databaseEnvironment() throws Exception {
        if (!TestDatabase.postgresRequested()) {
            return Map.of();
        }
        String base = System.getProperty("scriptorium.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String name = "scriptorium_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = ConfiguredDataSource.forUrl(base, "postgres", "").getConnection();
             Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        return Map.of("SCRIPTORIUM_DB_URL", base.substring(0, base.lastIndexOf('/') + 1) + name,
                "SCRIPTORIUM_DB_USER", "postgres");
    }
}
