package org.scriptorium.spam.infrastructure.akismet;

import jakarta.enterprise.context.ApplicationScoped;

import org.scriptorium.spam.application.AkismetClient;
import org.scriptorium.spam.application.AkismetClientFactory;
import org.scriptorium.spam.application.AkismetSettings;

/** Makes {@link HttpAkismetClient}s: the CDI bean behind {@link AkismetClientFactory}. */
@ApplicationScoped
public class HttpAkismetClientFactory implements AkismetClientFactory {

    @Override
    public AkismetClient create(AkismetSettings settings) {
        return new HttpAkismetClient(settings);
    }
}
