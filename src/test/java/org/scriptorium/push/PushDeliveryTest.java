package org.scriptorium.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scriptorium.content.application.ArticleForm;
import org.scriptorium.content.application.EditorialService.Intent;
import org.scriptorium.content.application.SaveOutcome;
import org.scriptorium.content.domain.ArticlePublished;
import org.scriptorium.content.infrastructure.JpaArticleRepository;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.identity.infrastructure.JpaUserRepository;
import org.scriptorium.platform.audit.AuditEvent;
import org.scriptorium.platform.consent.ConsentGiven;
import org.scriptorium.push.application.DeliveryStore;
import org.scriptorium.push.application.ManualPush;
import org.scriptorium.push.application.PushAnnouncer;
import org.scriptorium.push.application.PushDeliveries;
import org.scriptorium.push.application.PushDispatcher;
import org.scriptorium.push.application.PushException;
import org.scriptorium.push.application.PushKeys;
import org.scriptorium.push.application.PushSettings;
import org.scriptorium.push.application.PushSubscriptions;
import org.scriptorium.push.domain.EndpointPolicy;
import org.scriptorium.push.domain.PushMessage;
import org.scriptorium.push.infrastructure.JpaPushDeliveryRepository;
import org.scriptorium.push.infrastructure.JpaPushMessageRepository;
import org.scriptorium.push.infrastructure.JpaPushSubscriptionRepository;
import org.scriptorium.push.infrastructure.JpaVapidKeyRepository;
import org.scriptorium.push.infrastructure.WebPushGateway;
import org.scriptorium.testing.MutableClock;
import org.scriptorium.testing.PushServiceTestServer;
import org.scriptorium.testing.PushServiceTestServer.BrowserSubscription;
import org.scriptorium.testing.PushServiceTestServer.Received;
import org.scriptorium.testing.RecordingEvents;
import org.scriptorium.testing.TestDatabase;
import org.scriptorium.testing.TestServices;

/**
 * Push notifications end to end below the web layer, on a real database and against a real push service
 * ({@link PushServiceTestServer}) that decrypts every message with the subscription's own keys and verifies
 * the VAPID signature: subscriptions and consent, one announcement per published translation, delivery per
 * language, removal on 410, retries with backoff while the service is down, and durability across a restart.
 */
class PushDeliveryTest {

    private static final String BASE = "https://magazine.example";
    private static final String EDITOR = "editor@scriptorium.test";
    private static final String AUTHOR = "author@scriptorium.test";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    private final RecordingEvents contentEvents = new RecordingEvents();
    private final List<ConsentGiven> consents = new ArrayList<>();
    private final List<AuditEvent> audits = new ArrayList<>();
    private TestDatabase db;
    private PushServiceTestServer pushService;
    private PushSettings settings;

    @BeforeEach
    void start() throws Exception {
        db = TestDatabase.create();
        db.run(em -> {
            var users = TestServices.users(em, clock);
            users.create(EDITOR, "Erica Editor", "pw-editor-123", Set.of(Role.EDITOR));
            users.create(AUTHOR, "Aldo Autore", "pw-author-123", Set.of(Role.AUTHOR));
        });
        pushService = PushServiceTestServer.start();
        settings = new PushSettings(EndpointPolicy.of(pushService.origin()), "mailto:push@scriptorium.test",
                Duration.ofSeconds(30), 5, Duration.ofHours(12));
    }

    @AfterEach
    void stop() {
        pushService.close();
        db.close();
    }

    private PushSubscriptions subscriptions(EntityManager em) {
        return new PushSubscriptions(new JpaPushSubscriptionRepository(em), Set.of("it", "es", "en", "fr", "de", "pt")::contains,
                settings, consents::add, clock);
    }

    private long subscribe(BrowserSubscription s, String language) {
        return db.inTransaction(em -> subscriptions(em).subscribe(new PushSubscriptions.Request(s.endpoint(), s.p256dh(),
                s.authSecret(), language, "198.51.100.7", "/" + language + "/")));
    }

    /** Saves through the editorial service and, as CDI does in the container, lets the announcer see its events. */
    private SaveOutcome publish(ArticleForm form, Intent intent, Optional<Instant> at) {
        return db.inTransaction(em -> {
            contentEvents.clear();
            SaveOutcome outcome = TestServices.editorial(em, clock, contentEvents).save(EDITOR, form, intent, at);
            announceEvents(em);
            return outcome;
        });
    }

    private void announceEvents(EntityManager em) {
        PushAnnouncer announcer = new PushAnnouncer(new JpaArticleRepository(em), new JpaPushMessageRepository(em), BASE);
        contentEvents.fired().stream().filter(e -> e instanceof ArticlePublished)
                .forEach(e -> announcer.announce((ArticlePublished) e));
    }

    private static ArticleForm form(Long id, String lang, String title, String excerpt, long version) {
        return new ArticleForm(id, lang, title, "", excerpt, "<p>Body of " + title + "</p>", "", "", List.of(), "", true,
                version);
    }

    /** The delivery store with every call in its own transaction, as the container runs it. */
    private DeliveryStore store() {
        return (DeliveryStore) Proxy.newProxyInstance(DeliveryStore.class.getClassLoader(), new Class<?>[] {DeliveryStore.class},
                (proxy, method, args) -> db.inTransaction(em -> {
                    PushDeliveries real = new PushDeliveries(new JpaPushMessageRepository(em), new JpaPushDeliveryRepository(em),
                            new JpaPushSubscriptionRepository(em), new PushKeys(new JpaVapidKeyRepository(em), clock), settings);
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw (RuntimeException) e.getCause();
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }));
    }

    private PushDispatcher dispatcher() {
        return new PushDispatcher(store(), new WebPushGateway(), settings, clock);
    }

    private List<PushMessage> messages() {
        return db.inTransaction(em -> new JpaPushMessageRepository(em).findLatest(100));
    }

    private long subscriptionCount() {
        return db.inTransaction(em -> subscriptions(em).count());
    }

    private long pending() {
        return db.inTransaction(em -> new JpaPushDeliveryRepository(em).countPending());
    }

    @Test
    void aSubscriptionIsStoredWithItsLanguageAndConsentAndRenewedFromTheSameBrowser() {
        BrowserSubscription browser = pushService.subscribe();
        long id = subscribe(browser, "it");
        assertThat(consents).singleElement().satisfies(c -> {
            assertThat(c.channel()).isEqualTo("push");
            assertThat(c.subject()).isEqualTo(browser.endpoint());
            assertThat(c.language()).isEqualTo("it");
            assertThat(c.clientIp()).isEqualTo("198.51.100.7");
            assertThat(c.at()).isEqualTo(clock.instant());
        });
        clock.set(clock.instant().plusSeconds(60));
        assertThat(subscribe(browser, "de")).isEqualTo(id);
        db.run(em -> {
            var stored = new JpaPushSubscriptionRepository(em).findById(id).orElseThrow();
            assertThat(stored.getLanguage()).isEqualTo("de");
            assertThat(stored.getConsentedAt()).isEqualTo(clock.instant());
            assertThat(subscriptions(em).count()).isEqualTo(1);
        });
        boolean removed = db.inTransaction(em -> subscriptions(em).unsubscribe(browser.endpoint()));
        assertThat(removed).isTrue();
        assertThat(subscriptionCount()).isZero();
    }

    @Test
    void badSubscriptionsAreRefusedAndNothingIsStored() {
        BrowserSubscription browser = pushService.subscribe();
        record Case(String endpoint, String p256dh, String auth, String lang, PushException.Reason reason) {
        }
        List<Case> cases = List.of(
                new Case("https://evil.example/collect", browser.p256dh(), browser.authSecret(), "it", PushException.Reason.ENDPOINT),
                new Case("http://10.0.0.1/push/x", browser.p256dh(), browser.authSecret(), "it", PushException.Reason.ENDPOINT),
                new Case(browser.endpoint(), "AAAA", browser.authSecret(), "it", PushException.Reason.KEYS),
                new Case(browser.endpoint(), browser.p256dh(), "c2hvcnQ", "it", PushException.Reason.KEYS),
                new Case(browser.endpoint(), browser.p256dh(), browser.authSecret(), "xx", PushException.Reason.LANGUAGE));
        for (Case c : cases) {
            assertThatThrownBy(() -> db.inTransaction(em -> subscriptions(em).subscribe(new PushSubscriptions.Request(
                    c.endpoint(), c.p256dh(), c.auth(), c.lang(), "198.51.100.7", "/it/"))))
                    .isInstanceOfSatisfying(PushException.class, e -> assertThat(e.reason()).isEqualTo(c.reason()));
        }
        assertThat(consents).isEmpty();
        assertThat(subscriptionCount()).isZero();
    }

    @Test
    void aPublishedTranslationReachesEachSubscriberOfItsLanguageOnceDecryptedAndSigned() throws Exception {
        BrowserSubscription it1 = pushService.subscribe();
        BrowserSubscription it2 = pushService.subscribe();
        BrowserSubscription de1 = pushService.subscribe();
        subscribe(it1, "it");
        subscribe(it2, "it");
        subscribe(de1, "de");
        clock.set(clock.instant().plusSeconds(5));

        SaveOutcome it = publish(form(null, "it", "Il ritorno dei treni notturni", "Viaggiare dormendo, di nuovo.", 0),
                Intent.PUBLISH, Optional.empty());
        assertThat(messages()).hasSize(1);
        PushDispatcher.Run run = dispatcher().runOnce();
        assertThat(run.delivered()).isEqualTo(2);

        List<Received> received = pushService.received();
        assertThat(pushService.problems()).isEmpty();
        assertThat(received).extracting(Received::subscriptionId).containsExactlyInAnyOrder(it1.id(), it2.id());
        String vapidKey = db.inTransaction(em -> new PushKeys(new JpaVapidKeyRepository(em), clock).publicKey());
        for (Received r : received) {
            assertThat(r.json().path("title").asText()).isEqualTo("Il ritorno dei treni notturni");
            assertThat(r.json().path("body").asText()).isEqualTo("Viaggiare dormendo, di nuovo.");
            assertThat(r.json().path("lang").asText()).isEqualTo("it");
            assertThat(r.json().path("url").asText()).isEqualTo(BASE + "/it/" + it.slug());
            assertThat(r.json().path("icon").asText()).startsWith(BASE + "/");
            assertThat(r.vapidKey()).isEqualTo(vapidKey);
            assertThat(r.claims().path("sub").asText()).isEqualTo("mailto:push@scriptorium.test");
        }

        SaveOutcome de = publish(form(it.articleId(), "de", "Die Rückkehr der Nachtzüge", "Schlafend reisen, wieder.", 0),
                Intent.PUBLISH, Optional.empty());
        dispatcher().runOnce();
        assertThat(pushService.receivedBy(de1)).singleElement().satisfies(r -> {
            assertThat(r.json().path("title").asText()).isEqualTo("Die Rückkehr der Nachtzüge");
            assertThat(r.json().path("url").asText()).isEqualTo(BASE + "/de/" + de.slug());
            assertThat(r.json().path("lang").asText()).isEqualTo("de");
        });
        assertThat(pushService.received()).hasSize(3);
        assertThat(dispatcher().runOnce().attempts()).isZero();
        assertThat(messages()).allSatisfy(m -> assertThat(m.getSent()).isEqualTo(m.getRecipients()));
    }

    @Test
    void aFixOrARepublicationOfTheSameTranslationDoesNotNotifyAgain() {
        BrowserSubscription reader = pushService.subscribe();
        subscribe(reader, "en");
        SaveOutcome first = publish(form(null, "en", "Night trains are back", "Sleep your way there.", 0),
                Intent.PUBLISH, Optional.empty());
        dispatcher().runOnce();
        assertThat(pushService.receivedBy(reader)).hasSize(1);

        long version = db.inTransaction(em -> new JpaArticleRepository(em).findById(first.articleId()).orElseThrow()
                .translation("en").orElseThrow().getVersion());
        publish(form(first.articleId(), "en", "Night trains are back, fixed", "Sleep your way there.", version),
                Intent.SAVE, Optional.empty());
        publish(form(first.articleId(), "en", "Night trains are back, fixed", "Sleep your way there.", version + 1),
                Intent.UNPUBLISH, Optional.empty());
        publish(form(first.articleId(), "en", "Night trains are back, fixed", "Sleep your way there.", version + 2),
                Intent.PUBLISH, Optional.empty());
        assertThat(contentEvents.fired()).hasAtLeastOneElementOfType(ArticlePublished.class);
        dispatcher().runOnce();
        assertThat(messages()).hasSize(1);
        assertThat(pushService.receivedBy(reader)).hasSize(1);
    }

    @Test
    void aScheduledPublicationIsAnnouncedWhenTheTimerPublishesIt() {
        BrowserSubscription reader = pushService.subscribe();
        subscribe(reader, "fr");
        publish(form(null, "fr", "Le retour des trains de nuit", "Dormir en voyageant.", 0), Intent.SCHEDULE,
                Optional.of(clock.instant().plus(Duration.ofHours(1))));
        dispatcher().runOnce();
        assertThat(messages()).isEmpty();

        clock.set(clock.instant().plus(Duration.ofHours(2)));
        db.run(em -> {
            contentEvents.clear();
            assertThat(TestServices.editorial(em, clock, contentEvents).publishDue()).isEqualTo(1);
            announceEvents(em);
        });
        dispatcher().runOnce();
        assertThat(pushService.receivedBy(reader)).singleElement()
                .satisfies(r -> assertThat(r.json().path("title").asText()).isEqualTo("Le retour des trains de nuit"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {404, 410})
    void aSubscriptionTheServiceCallsGoneIsRemovedAndCounted(int status) {
        BrowserSubscription kept = pushService.subscribe();
        BrowserSubscription dropped = pushService.subscribe();
        subscribe(kept, "es");
        long droppedId = subscribe(dropped, "es");
        pushService.answer(dropped, status);

        publish(form(null, "es", "Vuelven los trenes nocturnos", "Viajar durmiendo.", 0), Intent.PUBLISH, Optional.empty());
        PushDispatcher.Run run = dispatcher().runOnce();
        assertThat(run.delivered()).isEqualTo(1);
        assertThat(run.removed()).isEqualTo(1);
        Optional<?> gone = db.inTransaction(em -> new JpaPushSubscriptionRepository(em).findById(droppedId));
        assertThat(gone).isEmpty();
        assertThat(messages()).singleElement().satisfies(m -> {
            assertThat(m.getSent()).isEqualTo(1);
            assertThat(m.getRemoved()).isEqualTo(1);
            assertThat(m.getFailed()).isZero();
        });
        assertThat(pending()).isZero();
    }

    @Test
    void whileTheServiceIsDownDeliveriesWaitWithGrowingPausesAndArriveOnceWhenItIsBack() throws Exception {
        BrowserSubscription reader = pushService.subscribe();
        subscribe(reader, "pt");
        pushService.stop();
        publish(form(null, "pt", "O regresso dos comboios noturnos", "Viajar a dormir.", 0), Intent.PUBLISH, Optional.empty());

        assertThat(dispatcher().runOnce().retried()).isEqualTo(1);
        assertThat(dispatcher().runOnce().attempts()).as("not due before the pause").isZero();
        clock.set(clock.instant().plusSeconds(31));
        assertThat(dispatcher().runOnce().retried()).isEqualTo(1);
        clock.set(clock.instant().plusSeconds(31));
        assertThat(dispatcher().runOnce().attempts()).as("the second pause is twice the first").isZero();
        clock.set(clock.instant().plusSeconds(30));

        pushService.restart();
        assertThat(dispatcher().runOnce().delivered()).isEqualTo(1);
        clock.set(clock.instant().plus(Duration.ofHours(2)));
        assertThat(dispatcher().runOnce().attempts()).isZero();
        assertThat(pushService.receivedBy(reader)).singleElement()
                .satisfies(r -> assertThat(r.json().path("lang").asText()).isEqualTo("pt"));
        assertThat(messages()).singleElement().satisfies(m -> assertThat(m.getSent()).isEqualTo(1));
    }

    @Test
    void aServiceAnswering503IsRetriedUntilTheAttemptsRunOutThenCountsAsFailed() {
        BrowserSubscription reader = pushService.subscribe();
        subscribe(reader, "it");
        pushService.unavailable(true);
        publish(form(null, "it", "Treni", "Sommario.", 0), Intent.PUBLISH, Optional.empty());
        for (int i = 0; i < 10; i++) {
            dispatcher().runOnce();
            clock.set(clock.instant().plus(PushSettings.MAX_PAUSE));
        }
        assertThat(pushService.attempts()).isEqualTo(settings.maxAttempts());
        assertThat(messages()).singleElement().satisfies(m -> assertThat(m.getFailed()).isEqualTo(1));
        assertThat(pending()).isZero();
    }

    @Test
    void pendingDeliveriesSurviveARestart() {
        BrowserSubscription reader = pushService.subscribe();
        subscribe(reader, "de");
        pushService.unavailable(true);
        publish(form(null, "de", "Nachtzüge", "Kurz.", 0), Intent.PUBLISH, Optional.empty());
        dispatcher().runOnce();
        assertThat(pending()).isEqualTo(1);

        pushService.unavailable(false);
        clock.set(clock.instant().plusSeconds(31));
        PushDispatcher afterRestart = new PushDispatcher(store(), new WebPushGateway(), settings, clock);
        assertThat(afterRestart.runOnce().delivered()).isEqualTo(1);
        assertThat(pushService.receivedBy(reader)).hasSize(1);
    }

    @Test
    void editorsSendByHandToOneLanguageAfterAPreviewAndTheSendIsAudited() {
        BrowserSubscription it = pushService.subscribe();
        BrowserSubscription en = pushService.subscribe();
        subscribe(it, "it");
        subscribe(en, "en");
        ManualPush.Draft draft = new ManualPush.Draft("it", "  Edizione speciale  ", "Stasera alle 21 in diretta.", "/it/");
        ManualPush.Preview preview = db.inTransaction(em -> manual(em).preview(EDITOR, draft));
        assertThat(preview.recipients()).isEqualTo(1);
        assertThat(preview.payload().title()).isEqualTo("Edizione speciale");
        assertThat(preview.payload().url()).isEqualTo(BASE + "/it/");
        assertThat(messages()).isEmpty();

        long id = db.inTransaction(em -> manual(em).send(EDITOR, draft));
        assertThat(audits).singleElement().satisfies(a -> {
            assertThat(a.actor()).isEqualTo(EDITOR);
            assertThat(a.action()).isEqualTo("push.send");
            assertThat(a.target()).isEqualTo("push:" + id + "/it");
        });
        dispatcher().runOnce();
        assertThat(pushService.receivedBy(it)).singleElement()
                .satisfies(r -> assertThat(r.json().path("title").asText()).isEqualTo("Edizione speciale"));
        assertThat(pushService.receivedBy(en)).isEmpty();
        List<ManualPush.MessageRow> rows = db.inTransaction(em -> manual(em).latest(10));
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.sent()).isEqualTo(1);
            assertThat(row.pending()).isZero();
        });
    }

    @Test
    void manualMessagesAreCheckedAndAuthorsMayNotSend() {
        record Case(ManualPush.Draft draft, PushException.Reason reason, String field) {
        }
        List<Case> cases = List.of(
                new Case(new ManualPush.Draft("it", " ", "", ""), PushException.Reason.REQUIRED, "title"),
                new Case(new ManualPush.Draft("it", "x".repeat(121), "", ""), PushException.Reason.TOO_LONG, "title"),
                new Case(new ManualPush.Draft("it", "Titolo", "y".repeat(301), ""), PushException.Reason.TOO_LONG, "body"),
                new Case(new ManualPush.Draft("it", "Titolo", "", "https://elsewhere.example/"), PushException.Reason.URL, "url"),
                new Case(new ManualPush.Draft("it", "Titolo", "", "//elsewhere.example/"), PushException.Reason.URL, "url"),
                new Case(new ManualPush.Draft("zz", "Titolo", "", ""), PushException.Reason.LANGUAGE, "language"));
        for (Case c : cases) {
            assertThatThrownBy(() -> db.inTransaction(em -> manual(em).send(EDITOR, c.draft())))
                    .isInstanceOfSatisfying(PushException.class, e -> {
                        assertThat(e.reason()).isEqualTo(c.reason());
                        assertThat(e.field()).isEqualTo(c.field());
                    });
        }
        assertThatThrownBy(() -> db.inTransaction(em -> manual(em).send(AUTHOR, new ManualPush.Draft("it", "T", "", ""))))
                .isInstanceOfSatisfying(PushException.class,
                        e -> assertThat(e.reason()).isEqualTo(PushException.Reason.FORBIDDEN));
        assertThat(messages()).isEmpty();
        assertThat(audits).isEmpty();
    }

    @Test
    void theVapidKeyPairIsMadeOnceAndKept() {
        String first = db.inTransaction(em -> new PushKeys(new JpaVapidKeyRepository(em), clock).publicKey());
        String again = db.inTransaction(em -> new PushKeys(new JpaVapidKeyRepository(em), clock).publicKey());
        assertThat(again).isEqualTo(first);
        assertThat(java.util.Base64.getUrlDecoder().decode(first)).hasSize(65).startsWith((byte) 4);
    }

    private ManualPush manual(EntityManager em) {
        return new ManualPush(new JpaPushMessageRepository(em), new JpaPushDeliveryRepository(em),
                new JpaPushSubscriptionRepository(em), new JpaUserRepository(em), Set.of("it", "en")::contains, BASE,
                audits::add, clock);
    }
}
