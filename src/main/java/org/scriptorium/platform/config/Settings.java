package org.scriptorium.platform.config;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The start-up configuration of the site, read through MicroProfile Config so that every key can be
 * overridden by an environment variable ({@code scriptorium.db.url} by {@code SCRIPTORIUM_DB_URL}).
 *
 * <p>Every key has a default that serves the embedded run: H2 in a file under the data directory. The
 * values are read once, when first needed, and are immutable afterwards; settings that editors change at
 * runtime live in the database, not here.
 */
public final class Settings {

    public static final String DATA_DIR = "scriptorium.data.dir";
    public static final String DB_URL = "scriptorium.db.url";
    public static final String DB_USER = "scriptorium.db.user";
    public static final String DB_PASSWORD = "scriptorium.db.password";
    public static final String BASE_URL = "scriptorium.base.url";
    public static final String ADMIN_EMAIL = "scriptorium.admin.email";
    public static final String ADMIN_PASSWORD = "scriptorium.admin.password";
    public static final String DEMO = "scriptorium.demo";
    public static final String TRUSTED_PROXIES = "scriptorium.trusted.proxies";
    public static final String EXIT_ON_FATAL = "scriptorium.exit.on.fatal";
    public static final String PAGE_SIZE = "scriptorium.page.size";
    public static final String AKISMET_KEY = "scriptorium.akismet.key";
    public static final String AKISMET_ENDPOINT = "scriptorium.akismet.endpoint";
    public static final String AKISMET_CONNECT_TIMEOUT_MS = "scriptorium.akismet.connect.timeout.ms";
    public static final String AKISMET_READ_TIMEOUT_MS = "scriptorium.akismet.read.timeout.ms";
    public static final String SMTP_HOST = "scriptorium.smtp.host";
    public static final String SMTP_PORT = "scriptorium.smtp.port";
    public static final String SMTP_USER = "scriptorium.smtp.user";
    public static final String SMTP_PASSWORD = "scriptorium.smtp.password";
    public static final String SMTP_TLS = "scriptorium.smtp.tls";
    public static final String MAIL_FROM = "scriptorium.mail.from";

    private final Path dataDir;
    private final String dbUrl;
    private final String dbUser;
    private final String dbPassword;
    private final String baseUrl;
    private final String adminEmail;
    private final Optional<String> adminPassword;
    private final boolean demo;
    private final String trustedProxies;
    private final boolean exitOnFatal;
    private final int pageSize;
    private final Optional<String> akismetKey;
    private final String akismetEndpoint;
    private final int akismetConnectTimeoutMs;
    private final int akismetReadTimeoutMs;
    private final String smtpHost;
    private final String smtpPort;
    private final String smtpUser;
    private final String smtpPassword;
    private final String smtpTls;
    private final String mailFrom;

    /**
     * Options of the default H2 URL. {@code WRITE_DELAY=0} hands every commit to the operating system at once:
     * with H2's default (a background write every half second) a process killed with SIGKILL loses the
     * transactions of its last moments, such as the records of newsletter copies already sent.
     */
    public static final String EMBEDDED_OPTIONS = ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";

    private Settings(Config config) {
        this.dataDir = Path.of(string(config, DATA_DIR, "./data")).toAbsolutePath().normalize();
        this.dbUrl = string(config, DB_URL, "jdbc:h2:file:" + dataDir.resolve("db").resolve("scriptorium")
                + EMBEDDED_OPTIONS);
        this.dbUser = string(config, DB_USER, "");
        this.dbPassword = string(config, DB_PASSWORD, "");
        this.baseUrl = stripTrailingSlash(string(config, BASE_URL, "http://localhost:8080"));
        this.adminEmail = string(config, ADMIN_EMAIL, "admin@example.com");
        this.adminPassword = config.getOptionalValue(ADMIN_PASSWORD, String.class).filter(s -> !s.isBlank());
        this.demo = Boolean.parseBoolean(string(config, DEMO, "true"));
        this.trustedProxies = string(config, TRUSTED_PROXIES, "");
        this.exitOnFatal = Boolean.parseBoolean(string(config, EXIT_ON_FATAL, "true"));
        this.pageSize = pageSize(string(config, PAGE_SIZE, "10"));
        this.akismetKey = config.getOptionalValue(AKISMET_KEY, String.class).map(String::trim).filter(s -> !s.isEmpty());
        this.akismetEndpoint = string(config, AKISMET_ENDPOINT, "https://rest.akismet.com");
        this.akismetConnectTimeoutMs = millis(string(config, AKISMET_CONNECT_TIMEOUT_MS, "3000"), 3000);
        this.akismetReadTimeoutMs = millis(string(config, AKISMET_READ_TIMEOUT_MS, "5000"), 5000);
        this.smtpHost = string(config, SMTP_HOST, "");
        this.smtpPort = string(config, SMTP_PORT, "");
        this.smtpUser = string(config, SMTP_USER, "");
        this.smtpPassword = config.getOptionalValue(SMTP_PASSWORD, String.class).orElse("");
        this.smtpTls = string(config, SMTP_TLS, "starttls");
        this.mailFrom = string(config, MAIL_FROM, "no-reply@example.com");
    }

    /** Reads the settings visible to the application's class loader. */
    public static Settings load() {
        return new Settings(ConfigProvider.getConfig(Settings.class.getClassLoader()));
    }

    /** Reads the settings from a given configuration; used by tests. */
    public static Settings from(Config config) {
        return new Settings(config);
    }

    private static String string(Config config, String key, String fallback) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty()).orElse(fallback);
    }

    private static int pageSize(String value) {
        try {
            return Math.max(1, Math.min(100, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return 10;
        }
    }

    private static int millis(String value, int fallback) {
        try {
            int n = Integer.parseInt(value);
            return n > 0 ? n : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The environment variable that sets a key, as operators know it. */
    public static String envName(String key) {
        return key.toUpperCase().replace('.', '_');
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path indexDir() {
        return dataDir.resolve("index");
    }

    public Path mediaDir() {
        return dataDir.resolve("media");
    }

    public Path outboxDir() {
        return dataDir.resolve("outbox");
    }

    public Path batchDir() {
        return dataDir.resolve("batch");
    }

    public String dbUrl() {
        return dbUrl;
    }

    public String dbUser() {
        return dbUser;
    }

    public String dbPassword() {
        return dbPassword;
    }

    public boolean isPostgres() {
        return dbUrl.startsWith("jdbc:postgresql:");
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String adminEmail() {
        return adminEmail;
    }

    public Optional<String> adminPassword() {
        return adminPassword;
    }

    public boolean demo() {
        return demo;
    }

    public String trustedProxies() {
        return trustedProxies;
    }

    /** Articles per page of a category, tag or author page (1 to 100). */
    public int pageSize() {
        return pageSize;
    }

    /** The Akismet API key ({@code SCRIPTORIUM_AKISMET_KEY}); empty: Akismet is off unless a key is set in the back office. */
    public Optional<String> akismetKey() {
        return akismetKey;
    }

    /** Akismet's base URL ({@code SCRIPTORIUM_AKISMET_ENDPOINT}), {@code https://rest.akismet.com} by default. */
    public String akismetEndpoint() {
        return akismetEndpoint;
    }

    public int akismetConnectTimeoutMs() {
        return akismetConnectTimeoutMs;
    }

    /** How long to wait for Akismet's answer before the comment is re-checked later. */
    public int akismetReadTimeoutMs() {
        return akismetReadTimeoutMs;
    }

    /** The SMTP host; empty means messages are written into the outbox. */
    public String smtpHost() {
        return smtpHost;
    }

    /** The SMTP port as configured; empty means the usual port of the TLS mode. */
    public String smtpPort() {
        return smtpPort;
    }

    public String smtpUser() {
        return smtpUser;
    }

    public String smtpPassword() {
        return smtpPassword;
    }

    /** {@code starttls} (default), {@code ssl} or {@code none}. */
    public String smtpTls() {
        return smtpTls;
    }

    public String mailFrom() {
        return mailFrom;
    }

    public boolean exitOnFatal() {
        return exitOnFatal;
    }
}
