package org.scriptorium.newsletter.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.newsletter.domain.MissingLanguagePolicy;
import org.scriptorium.settings.application.SiteSettings;

/**
 * The newsletter's settings, stored as site settings: how many messages per second a send may hand to the
 * mail server, and what a new edition does with articles missing in a subscriber's language.
 */
@ApplicationScoped
public class NewsletterSettings {

    static final String RATE = "newsletter.rate";
    static final String MISSING = "newsletter.missing";
    public static final int DEFAULT_RATE = 250;
    public static final int MAX_RATE = 10_000;

    private SiteSettings site;

    protected NewsletterSettings() {
    }

    @Inject
    public NewsletterSettings(SiteSettings site) {
        this.site = site;
    }

    /** Messages per second, 1 to {@value #MAX_RATE}. */
    public int rate() {
        try {
            return site.get(RATE).map(Integer::parseInt).filter(r -> r >= 1 && r <= MAX_RATE).orElse(DEFAULT_RATE);
        } catch (NumberFormatException e) {
            return DEFAULT_RATE;
        }
    }

    public MissingLanguagePolicy missingPolicy() {
        return site.get(MISSING).map(v -> "SOURCE".equals(v) ? MissingLanguagePolicy.SOURCE : MissingLanguagePolicy.OMIT)
                .orElse(MissingLanguagePolicy.OMIT);
    }

    /** Stores both; false when the rate is out of range. */
    public boolean save(int rate, MissingLanguagePolicy policy) {
        if (rate < 1 || rate > MAX_RATE || policy == null) {
            return false;
        }
        site.put(RATE, String.valueOf(rate));
        site.put(MISSING, policy.name());
        return true;
    }
}
