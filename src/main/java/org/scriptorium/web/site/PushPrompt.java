package org.scriptorium.web.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.scriptorium.push.application.PushKeys;
import org.scriptorium.push.application.PushOptions;

/**
 * What the push prompt on every public page needs besides its texts: the VAPID public key the browser
 * subscribes with and how many days a "No thanks" lasts. Both are the same for every reader, so the page stays
 * cacheable; whether the prompt shows is decided in the browser, from what it remembers.
 */
@Named("pushPrompt")
@RequestScoped
public class PushPrompt {

    @Inject
    private PushKeys keys;

    @Inject
    private PushOptions options;

    public String getPublicKey() {
        return keys.publicKey();
    }

    public int getDeclineDays() {
        return options.declineDays();
    }
}
