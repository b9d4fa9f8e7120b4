package org.scriptorium.newsletter.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.mail.application.Mailer;
import org.scriptorium.mail.domain.EmailAddress;
import org.scriptorium.mail.domain.MailDeliveryException;
import org.scriptorium.newsletter.domain.RateCounter;
import org.scriptorium.newsletter.domain.RateCounterRepository;
import org.scriptorium.newsletter.domain.Subscriber;
import org.scriptorium.newsletter.domain.SubscriberRepository;
import org.scriptorium.newsletter.domain.SubscriberStatus;
import org.scriptorium.newsletter.domain.SuppressionRepository;
import org.scriptorium.platform.consent.ConsentGiven;

/**
 * Subscribing and leaving, for readers. A signup stores the address as pending with its consent evidence
 * (and fires {@link ConsentGiven} for the consent log) and mails a confirmation link in the chosen language;
 * an address already confirmed gets a short note with its preference link instead, and the answer on the
 * page is the same in every case. Signups are limited per address and per client address. A confirmation
 * link is signed, expires after {@link #CONFIRMATION_VALIDITY} and works once.
 */
@ApplicationScoped
@Transactional
public class SubscriptionService {

    /** The version of the consent text shown next to the checkbox; stored with every consent. */
    public static final String CONSENT_TEXT_VERSION = "newsletter-2026-11";
    public static final Duration CONFIRMATION_VALIDITY = Duration.ofHours(48);
    static final int PER_ADDRESS = 3;
    static final int PER_CLIENT = 10;
    static final Duration WINDOW = Duration.ofHours(1);

    private static final Logger LOG = Logger.getLogger(SubscriptionService.class.getName());

    private SubscriberRepository subscribers;
    private SuppressionRepository suppressions;
    private RateCounterRepository rates;
    private LanguageService languages;
    private NewsletterTokens tokens;
    private NewsletterLinks links;
    private Mailer mailer;
    private Event<ConsentGiven> consents;
    private Clock clock;

    protected SubscriptionService() {
    }

    @Inject
    public SubscriptionService(SubscriberRepository subscribers, SuppressionRepository suppressions, RateCounterRepository rates,
                               LanguageService languages, NewsletterTokens tokens, NewsletterLinks links, Mailer mailer,
                               Event<ConsentGiven> consents, Clock clock) {
        this.subscribers = subscribers;
        this.suppressions = suppressions;
        this.rates = rates;
        this.languages = languages;
        this.tokens = tokens;
        this.links = links;
        this.mailer = mailer;
        this.consents = consents;
        this.clock = clock;
    }

    /** Handles a signup form. */
    public SignupResult signup(SignupRequest request) {
        Optional<EmailAddress> email = EmailAddress.parse(request.email());
        if (email.isEmpty()) {
            return SignupResult.INVALID_EMAIL;
        }
        if (request.language() == null || !languages.isEnabled(request.language())) {
            return SignupResult.INVALID_LANGUAGE;
        }
        if (!request.consent()) {
            return SignupResult.NO_CONSENT;
        }
        Instant now = clock.instant();
        String hash = NewsletterTokens.hash(email.get().value());
        boolean clientOk = allowed("ip:" + cut(request.clientIp(), 100), PER_CLIENT, now);
        boolean addressOk = allowed("email:" + hash, PER_ADDRESS, now);
        if (!clientOk || !addressOk) {
            return SignupResult.RATE_LIMITED;
        }
        suppressions.remove(hash);
        Subscriber s = subscribers.findByEmail(email.get().value())
                .orElseGet(() -> subscribers.save(new Subscriber(email.get().value(), request.language(), "SIGNUP", now)));
        boolean alreadyConfirmed = s.getStatus() == SubscriberStatus.CONFIRMED;
        if (!alreadyConfirmed) {
            s.changeLanguage(request.language());
        }
        String nonce = NewsletterTokens.nonce();
        s.signedUp(nonce, request.clientIp(), CONSENT_TEXT_VERSION, request.page(), now);
        subscribers.save(s);
        consents.fire(new ConsentGiven("newsletter", s.getEmail(), request.language(), CONSENT_TEXT_VERSION,
                request.clientIp(), request.page(), now));
        if (alreadyConfirmed) {
            mail("already", s, Map.of("preferences", links.preferences(s.getLanguage(), s.getId())), links.unsubscribeHeaders(s.getId()));
        } else {
            sendConfirmation(s, nonce, now);
        }
        return SignupResult.ACCEPTED;
    }

    /** Mails a confirmation link for a pending subscriber (signup or import without consent). */
    void sendConfirmation(Subscriber s, String nonce, Instant now) {
        String token = tokens.confirmation(s.getId(), nonce, now.plus(CONFIRMATION_VALIDITY));
        mail("confirm", s, Map.of("confirm", links.confirm(s.getLanguage(), token),
                "hours", CONFIRMATION_VALIDITY.toHours()), Map.of());
    }

    private void mail(String template, Subscriber s, Map<String, ?> extra, Map<String, String> headers) {
        Map<String, Object> model = new LinkedHashMap<>(extra);
        model.putIfAbsent("preferences", links.preferences(s.getLanguage(), s.getId()));
        model.put("email", s.getEmail());
        try {
            mailer.send(template, s.getLanguage(), EmailAddress.of(s.getEmail()), model, headers);
        } catch (MailDeliveryException e) {
            LOG.log(Level.WARNING, "The newsletter " + template + " message could not be sent; the reader may sign up again", e);
        }
    }

    /** Follows a confirmation link. */
    public ConfirmResult confirm(String token) {
        Optional<NewsletterTokens.Confirmation> c = tokens.readConfirmation(token);
        if (c.isEmpty()) {
            return new ConfirmResult(ConfirmResult.Outcome.INVALID, null);
        }
        Optional<Subscriber> s = subscribers.findById(c.get().subscriberId());
        if (s.isEmpty()) {
            return new ConfirmResult(ConfirmResult.Outcome.INVALID, null);
        }
        String language = s.get().getLanguage();
        if (clock.instant().isAfter(c.get().expires())) {
            return new ConfirmResult(ConfirmResult.Outcome.EXPIRED, language);
        }
        if (!s.get().acceptsNonce(c.get().nonce())) {
            return new ConfirmResult(ConfirmResult.Outcome.INVALID, language);
        }
        s.get().confirm(clock.instant());
        subscribers.save(s.get());
        return new ConfirmResult(ConfirmResult.Outcome.CONFIRMED, language);
    }

    /** The subscriber a preference link names. */
    public Optional<SubscriberView> preferences(String token) {
        return subscriber(token).map(s -> new SubscriberView(s.getEmail(), s.getLanguage(), s.getStatus()));
    }

    /** Changes the language from the preference page; false for a bad token or language. */
    public boolean changeLanguage(String token, String language) {
        if (language == null || !languages.isEnabled(language)) {
            return false;
        }
        Optional<Subscriber> s = subscriber(token);
        s.ifPresent(sub -> {
            sub.changeLanguage(language);
            subscribers.save(sub);
        });
        return s.isPresent();
    }

    /**
     * Unsubscribes the subscriber a management token names (preference page, one-click POST). Idempotent.
     *
     * @return the subscriber's language, empty for a bad token
     */
    public Optional<String> unsubscribe(String token) {
        Optional<Subscriber> s = subscriber(token);
        s.ifPresent(sub -> {
            sub.unsubscribe(clock.instant());
            subscribers.save(sub);
        });
        return s.map(Subscriber::getLanguage);
    }

    private Optional<Subscriber> subscriber(String token) {
        return tokens.readManagement(token).flatMap(subscribers::findById);
    }

    private boolean allowed(String key, int limit, Instant now) {
        RateCounter counter = rates.findForUpdate(key).orElseGet(() -> rates.save(new RateCounter(key, now)));
        return counter.hit(limit, WINDOW, now);
    }

    private static String cut(String s, int max) {
        String v = s == null ? "unknown" : s;
        return v.length() <= max ? v : v.substring(0, max);
    }
}
