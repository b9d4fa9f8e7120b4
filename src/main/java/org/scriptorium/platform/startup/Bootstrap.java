package org.scriptorium.platform.startup;

import java.util.logging.Logger;

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

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        users.createFirstAdminIfNone(settings.adminEmail(), settings.adminPassword()).ifPresent(admin -> {
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
