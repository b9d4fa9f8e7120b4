package org.scriptorium.comments;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

import org.scriptorium.comments.application.AkismetCheckRunner;
import org.scriptorium.comments.application.CommentService;
import org.scriptorium.comments.application.CommentSettings;
import org.scriptorium.comments.application.CommentSettingsStore;
import org.scriptorium.comments.application.DiscussionMemo;
import org.scriptorium.comments.infrastructure.JpaCommentRepository;
import org.scriptorium.content.domain.ArticleTranslation;
import org.scriptorium.content.infrastructure.JpaArticleRepository;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.identity.infrastructure.JpaUserRepository;
import org.scriptorium.platform.config.Settings;
import org.scriptorium.settings.application.SiteSettings;
import org.scriptorium.settings.domain.SiteSetting;
import org.scriptorium.settings.domain.SiteSettingRepository;
import org.scriptorium.settings.infrastructure.JpaSiteSettingRepository;
import org.scriptorium.spam.application.AkismetGateway;
import org.scriptorium.spam.infrastructure.akismet.HttpAkismetClientFactory;
import org.scriptorium.testing.TestDatabase;
import org.scriptorium.testing.MapConfig;
import org.scriptorium.testing.TestServices;

import jakarta.persistence.EntityManager;

/**
 * The comment services wired by hand over a test database, each call in its own transaction as the
 * container runs them: {@link #tx(Function)} gives a service bound to a new entity manager.
 */
final class CommentFixture implements AutoCloseable {

    static final String MODERATOR = "mod@scriptorium.test";

    final TestDatabase db = TestDatabase.create();
    final Clock clock;
    final List<Object> events = new CopyOnWriteArrayList<>();
    final Settings settings;
    final CommentSettingsStore store;
    final AkismetGateway gateway;

    CommentFixture(Clock clock, String akismetEndpoint, String akismetKey, int readTimeoutMs) {
        this.clock = clock;
        Map<String, String> config = new HashMap<>();
        config.put(Settings.BASE_URL, "http://magazine.test");
        if (akismetEndpoint != null) {
            config.put(Settings.AKISMET_ENDPOINT, akismetEndpoint);
        }
        if (akismetKey != null) {
            config.put(Settings.AKISMET_KEY, akismetKey);
        }
        config.put(Settings.AKISMET_READ_TIMEOUT_MS, String.valueOf(readTimeoutMs));
        config.put(Settings.AKISMET_CONNECT_TIMEOUT_MS, "1000");
        this.settings = Settings.from(new MapConfig(config));
        SiteSettings site = new SiteSettings(new TxSettings(), clock, e -> { });
        this.store = new CommentSettingsStore(site);
        this.gateway = new AkismetGateway(settings, site, new HttpAkismetClientFactory(), clock);
        db.run(em -> TestServices.demo(em, clock).loadIfEmpty());
        db.run(em -> TestServices.users(em, clock).create(MODERATOR, "Mara Moderata", "a long moderator password", Set.of(Role.MODERATOR)));
    }

    CommentService service(EntityManager em) {
        return new CommentService(new JpaCommentRepository(em), new JpaArticleRepository(em), new JpaUserRepository(em),
                store, gateway, settings, clock, events::add);
    }

    /** A service that keeps anonymous discussions in {@code memo}. */
    CommentService service(EntityManager em, DiscussionMemo memo) {
        return new CommentService(new JpaCommentRepository(em), new JpaArticleRepository(em), new JpaUserRepository(em),
                store, gateway, settings, clock, events::add, memo);
    }

    <T> T tx(Function<CommentService, T> work) {
        return db.inTransaction(em -> work.apply(service(em)));
    }

    /** A service whose every call runs in its own transaction, for the runner. */
    CommentService transactional() {
        return new CommentService() {
            @Override
            public Optional<org.scriptorium.spam.domain.SpamCheckRequest> prepareCheck(long id) {
                return tx(s -> s.prepareCheck(id));
            }

            @Override
            public Optional<org.scriptorium.spam.domain.SpamCheckRequest> firstCheck(long id) {
                return tx(s -> s.firstCheck(id));
            }

            @Override
            public void applyVerdict(long id, org.scriptorium.spam.domain.AkismetVerdict v) {
                tx(s -> {
                    s.applyVerdict(id, v);
                    return null;
                });
            }

            @Override
            public List<Long> dueForCheck(int limit) {
                return tx(s -> s.dueForCheck(limit));
            }

            @Override
            public Optional<org.scriptorium.spam.domain.SpamCheckRequest> originalRequest(long id) {
                return tx(s -> s.originalRequest(id));
            }

            @Override
            public List<org.scriptorium.comments.application.QueueRow> unnotified(int limit) {
                return tx(s -> s.unnotified(limit));
            }

            @Override
            public void markNotified(java.util.Collection<Long> ids) {
                tx(s -> {
                    s.markNotified(ids);
                    return null;
                });
            }

            @Override
            public List<String> moderatorEmails() {
                return tx(CommentService::moderatorEmails);
            }

            @Override
            public void recordFeedback(long id, boolean spam, boolean accepted, String reason) {
                tx(s -> {
                    s.recordFeedback(id, spam, accepted, reason);
                    return null;
                });
            }
        };
    }

    AkismetCheckRunner runner(ExecutorService executor) {
        return new AkismetCheckRunner(transactional(), gateway, executor);
    }

    void settings(Function<CommentSettings, CommentSettings> change) {
        store.save(change.apply(store.current()));
    }

    /** A published translation of the demo content in a language. */
    long translation(String language) {
        return db.inTransaction(em -> em.createQuery("select t from ArticleTranslation t where t.language = :l"
                        + " and t.status = org.scriptorium.content.domain.PublicationStatus.PUBLISHED order by t.id",
                ArticleTranslation.class).setParameter("l", language).setMaxResults(1).getSingleResult().getId());
    }

    @Override
    public void close() {
        db.close();
    }

    /** Settings read and written each in its own transaction. */
    private final class TxSettings implements SiteSettingRepository {

        @Override
        public Optional<SiteSetting> find(String key) {
            return db.inTransaction(em -> new JpaSiteSettingRepository(em).find(key));
        }

        @Override
        public SiteSetting save(SiteSetting setting) {
            return db.inTransaction(em -> new JpaSiteSettingRepository(em).save(setting));
        }
    }
}
