package org.scriptorium.platform.consent;

import java.time.Instant;
import java.util.Objects;

/**
 * A reader's consent, fired as a CDI event by the feature that obtained it (newsletter signup, push opt-in,
 * comment or submission form). The consent log observes it and keeps one durable record per consent, so the
 * site can show when, from where and to which text a person agreed, whatever the channel.
 *
 * @param channel     {@code newsletter}, {@code push}, {@code comment} or {@code submission}
 * @param subject     who consented: an e-mail address or a push-subscription endpoint
 * @param language    the language of the page and of the consent text
 * @param textVersion the version of the consent text shown
 * @param clientIp    the reader's address as seen by the site
 * @param page        the site-relative URL of the page the consent was given on
 * @param at          when
 */
public record ConsentGiven(String channel, String subject, String language, String textVersion, String clientIp,
        String page, Instant at) {

    public ConsentGiven {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(at, "at");
    }
}
