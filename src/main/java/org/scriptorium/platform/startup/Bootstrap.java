package org.scriptorium.platform.startup;

import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
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
 * <p>Hashing the administrator's password (PBKDF2, 210,000 rounds) takes one to three seconds of CPU on a
 * fresh start, so it does not hold up the first page: the account is created at once with a password that
 * matches nothing, the hash is computed on a managed thread while the start goes on, and a login that
 * arrives before it is stored waits for it. A start interrupted in between is finished by the next one.
 */
@ApplicationScoped
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @Inject
    private Settings settings;

    @Inject
    private UserService users;

    @Inject
    private DemoContent demo;

    @Resource
    private ManagedExecutorService executor;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        users.reserveFirstAdminIfNone(settings.adminEmail(), settings.adminPassword()).ifPresent(admin -> {
            String chosen = admin.generatedPassword().or(settings::adminPassword).orElseThrow();
            long id = admin.user().getId();
            CompletableFuture<Void> stored = CompletableFuture.runAsync(() -> users.completeFirstAdmin(id, chosen), executor)
                    .whenComplete((done, failure) -> {
                        if (failure != null) {
                            LOG.log(Level.SEVERE, "The first administrator's password could not be stored; restart to retry",
                                    failure);
                        }
                    });
            users.loginsWaitFor(stored);
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
