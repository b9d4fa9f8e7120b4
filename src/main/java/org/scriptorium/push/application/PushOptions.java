package org.scriptorium.push.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.push.application.PushException.Reason;
import org.scriptorium.settings.application.SiteSettings;

/**
 * The push settings administrators change at runtime, kept as site settings: how many days a reader's
 * "No thanks" keeps the prompt away. A change empties the page cache (the prompt carries the value).
 */
@ApplicationScoped
public class PushOptions {

    /** The site setting holding the days a "No thanks" lasts. */
    public static final String DECLINE_DAYS = "push.decline.days";
    public static final int DEFAULT_DECLINE_DAYS = 30;
    public static final int MAX_DECLINE_DAYS = 365;

    private SiteSettings settings;

    protected PushOptions() {
    }

    @Inject
    public PushOptions(SiteSettings settings) {
        this.settings = settings;
    }

    public int declineDays() {
        return settings.get(DECLINE_DAYS).map(v -> {
            try {
                int days = Integer.parseInt(v.strip());
                return days >= 1 && days <= MAX_DECLINE_DAYS ? days : DEFAULT_DECLINE_DAYS;
            } catch (NumberFormatException e) {
                return DEFAULT_DECLINE_DAYS;
            }
        }).orElse(DEFAULT_DECLINE_DAYS);
    }

    /** Stores the days; from 1 to 365. */
    public void changeDeclineDays(int days) {
        if (days < 1 || days > MAX_DECLINE_DAYS) {
            throw new PushException(Reason.RANGE, "declineDays");
        }
        settings.put(DECLINE_DAYS, String.valueOf(days));
    }
}
