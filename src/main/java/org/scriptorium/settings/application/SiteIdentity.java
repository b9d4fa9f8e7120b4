package org.scriptorium.settings.application;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.i18n.application.UiTexts;

/**
 * The site's name and tagline in each language, as administrators set them at {@code /backoffice/settings}.
 * A language without its own value shows the shipped default from the UI strings. Stored as site settings
 * ({@code site.name.<lang>}, {@code site.tagline.<lang>}), read on every request, so a change shows on the
 * next page without a restart.
 */
@ApplicationScoped
public class SiteIdentity {

    static final String NAME = "site.name.";
    static final String TAGLINE = "site.tagline.";
    public static final int MAX_NAME = 100;
    public static final int MAX_TAGLINE = 200;

    private SiteSettings settings;
    private UiTexts texts;

    protected SiteIdentity() {
    }

    @Inject
    public SiteIdentity(SiteSettings settings, UiTexts texts) {
        this.settings = settings;
        this.texts = texts;
    }

    /** The site's name in a language. */
    public String name(String language) {
        return own(NAME + language).orElseGet(() -> texts.msg(language, "site.name"));
    }

    /** The site's tagline in a language. */
    public String tagline(String language) {
        return own(TAGLINE + language).orElseGet(() -> texts.msg(language, "site.tagline"));
    }

    /** The name an administrator set for a language; empty when the default applies. */
    public String ownName(String language) {
        return own(NAME + language).orElse("");
    }

    public String ownTagline(String language) {
        return own(TAGLINE + language).orElse("");
    }

    /**
     * Sets the names and taglines given per language (an empty value brings back the default).
     *
     * @throws IllegalArgumentException naming the first value that is too long ({@code name-it}, {@code tagline-de})
     */
    public void change(Map<String, String> names, Map<String, String> taglines) {
        names.forEach((l, v) -> check(v, MAX_NAME, "name-" + l));
        taglines.forEach((l, v) -> check(v, MAX_TAGLINE, "tagline-" + l));
        names.forEach((l, v) -> store(NAME + l, v));
        taglines.forEach((l, v) -> store(TAGLINE + l, v));
    }

    private void store(String key, String value) {
        String v = value == null ? "" : value.strip();
        if (!v.equals(settings.get(key).orElse(""))) {
            settings.put(key, v);
        }
    }

    private static void check(String value, int max, String field) {
        if (value != null && value.strip().length() > max) {
            throw new IllegalArgumentException(field);
        }
    }

    /** The stored value, if any; nothing when the database cannot answer, so that error pages still render. */
    private Optional<String> own(String key) {
        try {
            return settings.get(key).map(String::strip).filter(v -> !v.isEmpty());
        } catch (RuntimeException databaseUnavailable) {
            return Optional.empty();
        }
    }
}
