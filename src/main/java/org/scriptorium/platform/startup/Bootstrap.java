package org.scriptorium.platform.startup;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.scriptorium.content.application.DemoContent;
import org.scriptorium.identity.application.UserService;
import org.scriptorium.platform.config.Settings;

/**
 * What happens once the application has deployed: the first administrator is created when there is no
 * user, the demo content is loaded into an empty database when enabled, and the addresses to open are
 * logged.
 *
 * <p>Hashing the administrator's password (PBKDF2, 210,000 rounds) takes two to three seconds of a core on a
 * fresh start, so it does not hold up the start: the account is created at once with a password that
 * matches nothing, and the hash is computed on a managed thread {@value #HASH_DELAY_SECONDS} seconds later,
 * when the start and its first pages are through (on a 2-core machine it otherwise takes a core from them), or
 * at once when a login arrives first; that login waits for it. A start interrupted in between is finished by
 * the next one.
 */
@ApplicationScoped
public class Bootstrap {

    static final int HASH_DELAY_SECONDS = 10;
    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @Inject
    private Settings settings;

    @Inject
    private UserService users;

    @Inject
    private DemoContent demo;

    @Resource
    private ManagedExecutorService executor;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        users.reserveFirstAdminIfNone(settings.adminEmail(), settings.adminPassword()).ifPresent(admin -> {
            String chosen = admin.generatedPassword().or(settings::adminPassword).orElseThrow();
            long id = admin.user().getId();
            CompletableFuture<Void> stored = new CompletableFuture<>();
            AtomicBoolean begun = new AtomicBoolean();
            Runnable hash = () -> {
                if (begun.compareAndSet(false, true)) {
                    executor.execute(() -> {
                        try {
                            users.completeFirstAdmin(id, chosen);
                            stored.complete(null);
                        } catch (RuntimeException e) {
                            LOG.log(Level.SEVERE, "The first administrator's password could not be stored; restart to retry", e);
                            stored.completeExceptionally(e);
                        }
                    });
                }
            };
            scheduler.schedule(hash, HASH_DELAY_SECONDS, TimeUnit.SECONDS);
            users.loginsWaitFor(stored, hash);
            String password = admin.generatedPassword()
                    .map(p -> "password: " + p + " (generated now and shown only once; change it after logging in)")
                    .orElse("password: the value of " + Settings.envName(Settings.ADMIN_PASSWORD));
            LOG.info("First administrator (roles ADMIN, EDITOR) created. Log in at " + settings.baseUrl()
                    + "/backoffice/login with e-mail: " + admin.user().getEmail() + ", " + password);
        });
        if (settings.demo()) {
            demo.loadIfEmpty();
        }
        LOG.info("Scriptorium is ready: site " + settings.baseUrl() + "/ , back office " + settings.baseUrl()
                + "/backoffice/ , data directory " + settings.dataDir());
    }
}
