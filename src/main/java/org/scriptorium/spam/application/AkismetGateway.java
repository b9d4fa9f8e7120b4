package org.scriptorium.spam.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.scriptorium.platform.config.Settings;
import org.scriptorium.settings.application.SiteSettings;
import org.scriptorium.settings.domain.SiteSettingsChanged;
import org.scriptorium.spam.domain.KeyVerification;

/**
 * The one Akismet client of the site, used by every feature that asks Akismet (comments, story submissions).
 * It is built from the start-up configuration ({@code SCRIPTORIUM_AKISMET_KEY},
 * {@code SCRIPTORIUM_AKISMET_ENDPOINT}, timeouts), with the key and endpoint an administrator saves in the back
 * office ({@value #KEY_SETTING}, {@value #ENDPOINT_SETTING}) taking precedence. Those are site settings, so a
 * change applies at once on every node: the client is rebuilt whenever the key or endpoint it was built from
 * differs. The key is verified at start and on demand; the outcome of the last verification is kept for the
 * back office. Without a key Akismet is off: the other checks still run.
 *
 * <p>An {@link KeyVerification.Status#INVALID INVALID} key switches Akismet off for its callers (a check
 * with it could only fail), while {@code UNKNOWN} (Akismet unreachable) does not: comments are then kept
 * pending and re-checked, submissions held for review.
 */
@ApplicationScoped
public class AkismetGateway {

    /** The site setting holding a key entered in the back office; empty means the configured one. */
    public static final String KEY_SETTING = "spam.akismet.key";
    /** The site setting holding an endpoint entered in the back office; empty means the configured one. */
    public static final String ENDPOINT_SETTING = "spam.akismet.endpoint";

    private static final Logger LOG = Logger.getLogger(AkismetGateway.class.getName());

    private Settings settings;
    private SiteSettings store;
    private AkismetClientFactory factory;
    private Clock clock;

    private volatile AkismetClient client;
    private volatile String builtFrom;
    private volatile KeyVerification lastVerification;
    private volatile Instant verifiedAt;

    protected AkismetGateway() {
    }

    @Inject
    public AkismetGateway(Settings settings, SiteSettings store, AkismetClientFactory factory, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.factory = factory;
        this.clock = clock;
    }

    /** The client for the current settings. */
    public AkismetClient client() {
        String key = saved(KEY_SETTING).or(settings::akismetKey).orElse("");
        String endpoint = saved(ENDPOINT_SETTING).orElse(settings.akismetEndpoint());
        String signature = key + "|" + endpoint;
        AkismetClient c = client;
        if (c == null || !signature.equals(builtFrom)) {
            synchronized (this) {
                if (client == null || !signature.equals(builtFrom)) {
                    AkismetSettings as;
                    try {
                        as = AkismetSettings.of(key, settings.baseUrl() + "/").withEndpoint(endpoint);
                    } catch (IllegalArgumentException e) {
                        LOG.warning("Akismet endpoint unusable (" + e.getMessage() + "); using " + AkismetSettings.DEFAULT_ENDPOINT);
                        as = AkismetSettings.of(key, settings.baseUrl() + "/");
                    }
                    client = factory.create(as.withTimeouts(Duration.ofMillis(settings.akismetConnectTimeoutMs()),
                            Duration.ofMillis(settings.akismetReadTimeoutMs())));
                    if (!signature.equals(builtFrom) && builtFrom != null) {
                        lastVerification = null;
                        verifiedAt = null;
                    }
                    builtFrom = signature;
                }
                c = client;
            }
        }
        return c;
    }

    private Optional<String> saved(String setting) {
        return store.get(setting).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** Whether calls go to Akismet: a key is set and Akismet has not rejected it. */
    public boolean isActive() {
        AkismetClient c = client();
        KeyVerification v = lastVerification;
        return c.isActive() && (v == null || v.status() != KeyVerification.Status.INVALID);
    }

    /** Whether a key is configured at all. */
    public boolean hasKey() {
        return client().isActive();
    }

    /** Asks Akismet now whether the key is valid, and remembers the answer. */
    public KeyVerification verify() {
        KeyVerification v = client().verifyKey();
        lastVerification = v;
        verifiedAt = clock.instant();
        LOG.info(() -> "Akismet key verification: " + v.status() + v.reasonText().map(r -> " (" + r + ")").orElse(""));
        return v;
    }

    /** The last verification's outcome, if the key was verified since it last changed. */
    public Optional<KeyVerification> lastVerification() {
        return Optional.ofNullable(lastVerification);
    }

    public Optional<Instant> verifiedAt() {
        return Optional.ofNullable(verifiedAt);
    }

    void onSettingsChanged(@Observes SiteSettingsChanged event) {
        if (event.setting() != null && event.setting().startsWith("spam.akismet.")) {
            lastVerification = null;
            verifiedAt = null;
        }
    }
}
