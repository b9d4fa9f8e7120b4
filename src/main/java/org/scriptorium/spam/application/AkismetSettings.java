package org.scriptorium.spam.application;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How to reach Akismet: the API key, the endpoint's base URL, the site URL sent as {@code blog}, and the
 * connect and read timeouts. Immutable; a changed key makes a new instance.
 *
 * <p>Without a key Akismet is off ({@link #isOff()}): the other spam checks still run and the back office
 * says that Akismet is not active. The endpoint defaults to {@value #DEFAULT_ENDPOINT} and is replaced
 * only to point at a test server or a proxy. The timeouts are short (3 s to connect, 5 s to read) because
 * a comment waiting on Akismet is simply re-checked later.
 */
public final class AkismetSettings {

    /** Configuration key of the API key ({@code SCRIPTORIUM_AKISMET_KEY}). */
    public static final String KEY = "scriptorium.akismet.key";
    /** Configuration key of the endpoint base URL ({@code SCRIPTORIUM_AKISMET_ENDPOINT}). */
    public static final String ENDPOINT = "scriptorium.akismet.endpoint";
    /** Configuration key of the connect timeout in milliseconds. */
    public static final String CONNECT_TIMEOUT_MS = "scriptorium.akismet.connect.timeout.ms";
    /** Configuration key of the read timeout in milliseconds. */
    public static final String READ_TIMEOUT_MS = "scriptorium.akismet.read.timeout.ms";

    public static final String DEFAULT_ENDPOINT = "https://rest.akismet.com";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);

    private final String apiKey;
    private final URI endpoint;
    private final String blogUrl;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    private AkismetSettings(String apiKey, URI endpoint, String blogUrl, Duration connectTimeout, Duration readTimeout) {
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
        this.endpoint = Objects.requireNonNull(endpoint);
        this.blogUrl = Objects.requireNonNull(blogUrl);
        this.connectTimeout = positive(connectTimeout, "connect timeout");
        this.readTimeout = positive(readTimeout, "read timeout");
    }

    /**
     * Settings with the default endpoint and timeouts.
     *
     * @param apiKey  the key; null or blank means Akismet is off
     * @param blogUrl the site's front page URL, sent as {@code blog}
     */
    public static AkismetSettings of(String apiKey, String blogUrl) {
        return new AkismetSettings(apiKey, URI.create(DEFAULT_ENDPOINT), blogUrl, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT);
    }

    /**
     * Reads the settings from configuration keys ({@link #KEY}, {@link #ENDPOINT}, {@link #CONNECT_TIMEOUT_MS},
     * {@link #READ_TIMEOUT_MS}); absent or blank values take the defaults.
     *
     * @param lookup  finds a configuration value by key, e.g. MicroProfile Config's {@code getOptionalValue}
     * @param blogUrl the site's front page URL
     * @throws IllegalArgumentException if the endpoint or a timeout is malformed
     */
    public static AkismetSettings read(Function<String, Optional<String>> lookup, String blogUrl) {
        Function<String, Optional<String>> value = k -> lookup.apply(k).map(String::trim).filter(s -> !s.isEmpty());
        return new AkismetSettings(value.apply(KEY).orElse(null),
                endpointUri(value.apply(ENDPOINT).orElse(DEFAULT_ENDPOINT)), blogUrl,
                value.apply(CONNECT_TIMEOUT_MS).map(AkismetSettings::millis).orElse(DEFAULT_CONNECT_TIMEOUT),
                value.apply(READ_TIMEOUT_MS).map(AkismetSettings::millis).orElse(DEFAULT_READ_TIMEOUT));
    }

    /** The same settings with another key (for example one entered on the settings page). */
    public AkismetSettings withApiKey(String key) {
        return new AkismetSettings(key, endpoint, blogUrl, connectTimeout, readTimeout);
    }

    /** The same settings with another endpoint base URL, such as a test server's. */
    public AkismetSettings withEndpoint(String baseUrl) {
        return new AkismetSettings(apiKey, endpointUri(baseUrl), blogUrl, connectTimeout, readTimeout);
    }

    public AkismetSettings withTimeouts(Duration connect, Duration read) {
        return new AkismetSettings(apiKey, endpoint, blogUrl, connect, read);
    }

    public Optional<String> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    /** Whether Akismet is off because no key is configured. */
    public boolean isOff() {
        return apiKey == null;
    }

    /** The base URL, without a trailing slash; paths such as {@code /1.1/comment-check} are appended to it. */
    public URI endpoint() {
        return endpoint;
    }

    public String blogUrl() {
        return blogUrl;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How long to wait for Akismet's complete answer once connected. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** Describes the settings without the key, for logs. */
    @Override
    public String toString() {
        return "AkismetSettings[" + (isOff() ? "off" : "key set") + ", endpoint=" + endpoint + ", blog=" + blogUrl
                + ", connect=" + connectTimeout + ", read=" + readTimeout + "]";
    }

    private static URI endpointUri(String baseUrl) {
        String s = Objects.requireNonNull(baseUrl).trim();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        URI uri = URI.create(s);
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("Akismet endpoint must be an http(s) URL: " + baseUrl);
        }
        return uri;
    }

    private static Duration millis(String value) {
        try {
            return Duration.ofMillis(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a number of milliseconds: " + value, e);
        }
    }

    private static Duration positive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("The Akismet " + what + " must be positive: " + d);
        }
        return d;
    }
}
