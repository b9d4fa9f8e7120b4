package org.scriptorium.push.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.platform.consent.ConsentGiven;
import org.scriptorium.push.application.PushException.Reason;
import org.scriptorium.push.domain.PushSubscription;
import org.scriptorium.push.domain.PushSubscriptionRepository;

/**
 * Readers' subscriptions: a browser that said yes is stored with the language of the page and the time of
 * consent, and the consent is announced as {@link ConsentGiven} (channel {@code push}) for the one consent log.
 * The same browser subscribing again renews its row; turning notifications off deletes it, as does the
 * dispatcher when the push service says the subscription is gone.
 */
@ApplicationScoped
@Transactional
public class PushSubscriptions {

    /** The version of the prompt text readers agree to; part of the consent record. */
    public static final String CONSENT_TEXT_VERSION = "push-prompt-1";
    private static final Base64.Decoder URL = Base64.getUrlDecoder();

    private PushSubscriptionRepository subscriptions;
    private Predicate<String> languageEnabled;
    private PushSettings settings;
    private Consumer<ConsentGiven> consents;
    private Clock clock;

    protected PushSubscriptions() {
    }

    @Inject
    public PushSubscriptions(PushSubscriptionRepository subscriptions, LanguageService languages, PushSettings settings,
                             Event<ConsentGiven> consents, Clock clock) {
        this(subscriptions, languages::isEnabled, settings, consents::fire, clock);
    }

    public PushSubscriptions(PushSubscriptionRepository subscriptions, Predicate<String> languageEnabled,
                             PushSettings settings, Consumer<ConsentGiven> consents, Clock clock) {
        this.subscriptions = subscriptions;
        this.languageEnabled = languageEnabled;
        this.settings = settings;
        this.consents = consents;
        this.clock = clock;
    }

    /** What the browser sent when the reader said yes. */
    public record Request(String endpoint, String p256dh, String auth, String language, String clientIp, String page) {
    }

    /**
     * Stores (or renews) a subscription and records the consent.
     *
     * @return the subscription's id
     * @throws PushException when the endpoint, keys or language are not acceptable; nothing is stored then
     */
    public long subscribe(Request request) {
        if (request.endpoint() == null || !settings.endpoints().allows(request.endpoint())) {
            throw new PushException(Reason.ENDPOINT, "endpoint");
        }
        if (!isPoint(request.p256dh()) || decodedLength(request.auth()) != 16) {
            throw new PushException(Reason.KEYS, "keys");
        }
        if (!languageEnabled.test(request.language())) {
            throw new PushException(Reason.LANGUAGE, "lang");
        }
        Instant now = clock.instant();
        String p256dh = normalize(request.p256dh());
        String auth = normalize(request.auth());
        PushSubscription subscription = subscriptions.findByEndpoint(request.endpoint()).map(s -> {
            s.renew(p256dh, auth, request.language(), now);
            return s;
        }).orElseGet(() -> subscriptions.save(new PushSubscription(request.endpoint(), p256dh, auth,
                request.language(), now)));
        consents.accept(new ConsentGiven("push", request.endpoint(), request.language(), CONSENT_TEXT_VERSION,
                request.clientIp(), request.page(), now));
        return subscription.getId();
    }

    /** Forgets the browser with this endpoint; true when there was one. */
    public boolean unsubscribe(String endpoint) {
        if (endpoint == null) {
            return false;
        }
        return subscriptions.findByEndpoint(endpoint).map(s -> {
            subscriptions.delete(s);
            return true;
        }).orElse(false);
    }

    public long count() {
        return subscriptions.count();
    }

    public long count(String language) {
        return subscriptions.countByLanguage(language);
    }

    public Map<String, Long> countPerLanguage() {
        return subscriptions.countPerLanguage();
    }

    private static boolean isPoint(String p256dh) {
        byte[] bytes = decode(p256dh);
        return bytes != null && bytes.length == 65 && bytes[0] == 0x04;
    }

    private static int decodedLength(String value) {
        byte[] bytes = decode(value);
        return bytes == null ? -1 : bytes.length;
    }

    /** Base64url without padding, whichever base64 alphabet the browser used. */
    private static String normalize(String value) {
        return value.strip().replace('+', '-').replace('/', '_').replace("=", "");
    }

    private static byte[] decode(String value) {
        if (value == null || value.length() > 200) {
            return null;
        }
        try {
            return URL.decode(normalize(value));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
