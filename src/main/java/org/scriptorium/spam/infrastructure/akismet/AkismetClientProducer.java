package org.scriptorium.spam.infrastructure.akismet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.scriptorium.platform.config.Settings;
import org.scriptorium.spam.application.AkismetClient;
import org.scriptorium.spam.application.AkismetSettings;

/**
 * Makes the {@link AkismetClient} injectable: one {@link HttpAkismetClient} per deployment, configured from
 * MicroProfile Config ({@code SCRIPTORIUM_AKISMET_KEY}, {@code SCRIPTORIUM_AKISMET_ENDPOINT}, timeouts) with
 * the site's base URL as {@code blog}. Without a key the client is off and makes no call.
 */
@ApplicationScoped
public class AkismetClientProducer {

    private AkismetClient client;

    protected AkismetClientProducer() {
    }

    @Inject
    public AkismetClientProducer(Settings settings) {
        Config config = ConfigProvider.getConfig(AkismetClientProducer.class.getClassLoader());
        this.client = new HttpAkismetClient(AkismetSettings.read(k -> config.getOptionalValue(k, String.class),
                settings.baseUrl() + "/"));
    }

    @Produces
    public AkismetClient akismet() {
        return client;
    }
}
