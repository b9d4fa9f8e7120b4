package org.scriptorium.comments.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.scriptorium.platform.config.Settings;
import org.scriptorium.settings.domain.SiteSettingsChanged;
import org.scriptorium.spam.application.AkismetClient;
import org.scriptorium.spam.application.AkismetClientFactory;
import org.scriptorium.spam.application.AkismetSettings;
import org.scriptorium.spam.domain.KeyVerification;

/**
 * The Akismet client the comment pipeline uses, built from the start-up configuration
 * ({@code SCRIPTORIUM_AKISMET_KEY}, {@code SCRIPTORIUM_AKISMET_ENDPOINT}) with the key and endpoint entered
 * on the comment settings page taking precedence. The client is rebuilt whenever a site setting changes,
 * and its key is verified at start and on demand; the outcome of the last verification is kept for the
 * back office. Without a key Akismet is off: the other checks still run.
 *
 * <p>An {@link KeyVerification.Status#INVALID INVALID} key switches Akismet off for the pipeline (a check
 * with it could only fail), while {@code UNKNOWN} (Akismet unreachable) does not: comments are then kept
 * pending and re-checked.
 */
@ApplicationScoped
public class AkismetGateway {

    private static final Logger LOG = Logger.getLogger(AkismetGateway.class.getName());

    private Settings settings;
    private CommentSettingsStore store;
    private AkismetClientFactory factory;
    private Clock clock;

    private volatile AkismetClient client;
    private volatile String builtFrom;
    private volatile KeyVerification lastVerification;
    private volatile Instant verifiedAt;

    protected AkismetGateway() {
    }

    @Inject
    public AkismetGateway(Settings settings, CommentSettingsStore store, AkismetClientFactory factory, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.factory = factory;
        this.clock = clock;
    }

    /** The client for the current settings. */
    public AkismetClient client() {
        CommentSettings s = store.current();
        String key = s.akismetKeyOverride().or(settings::akismetKey).orElse("");
        String endpoint = s.akismetEndpointOverride().orElse(settings.akismetEndpoint());
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

    /** Whether comments go to Akismet: a key is set and Akismet has not rejected it. */
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
        if (event.setting() != null && event.setting().startsWith(CommentSettingsStore.PREFIX + "akismet")) {
            lastVerification = null;
            verifiedAt = null;
        }
    }
}
