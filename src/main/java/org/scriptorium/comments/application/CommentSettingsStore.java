package org.scriptorium.comments.application;

import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.settings.application.SiteSettings;
import org.scriptorium.spam.application.AkismetGateway;

/**
 * Reads and writes {@link CommentSettings} through the site settings (table {@code site_setting}, keys
 * {@code comments.*}), so a change applies at once on every node. A value that cannot be read falls back
 * to its default. The Akismet key and endpoint shown on the same page belong to the whole site: they are kept
 * under {@link AkismetGateway#KEY_SETTING} and {@link AkismetGateway#ENDPOINT_SETTING}, where submissions
 * read them too.
 */
@ApplicationScoped
public class CommentSettingsStore {

    static final String PREFIX = "comments.";

    private SiteSettings settings;

    protected CommentSettingsStore() {
    }

    @Inject
    public CommentSettingsStore(SiteSettings settings) {
        this.settings = settings;
    }

    /** The current settings. */
    public CommentSettings current() {
        CommentSettings d = CommentSettings.defaults();
        return new CommentSettings(
                enumValue("policy", CommentSettings.Policy.class, d.policy()),
                number("flood.seconds", d.floodSeconds(), 0, 86400),
                number("minfill.seconds", d.minFillSeconds(), 0, 3600),
                number("max.links", d.maxLinks(), 0, 1000),
                list("blocked.words"), list("blocked.ips"), list("blocked.emails"),
                number("max.depth", d.maxDepth(), 1, 10),
                number("close.after.days", d.closeAfterDays(), 0, 36500),
                number("spam.purge.days", d.spamPurgeDays(), 1, 3650),
                enumValue("notification", CommentSettings.Notification.class, d.notification()),
                settings.get(AkismetGateway.KEY_SETTING).orElse(""), settings.get(AkismetGateway.ENDPOINT_SETTING).orElse(""));
    }

    /** Stores every value of the given settings. */
    public void save(CommentSettings s) {
        put("policy", s.policy().name());
        put("flood.seconds", String.valueOf(s.floodSeconds()));
        put("minfill.seconds", String.valueOf(s.minFillSeconds()));
        put("max.links", String.valueOf(s.maxLinks()));
        put("blocked.words", String.join("\n", s.blockedWords()));
        put("blocked.ips", String.join("\n", s.blockedIps()));
        put("blocked.emails", String.join("\n", s.blockedEmails()));
        put("max.depth", String.valueOf(s.maxDepth()));
        put("close.after.days", String.valueOf(s.closeAfterDays()));
        put("spam.purge.days", String.valueOf(s.spamPurgeDays()));
        put("notification", s.notification().name());
        putFull(AkismetGateway.KEY_SETTING, s.akismetKey());
        putFull(AkismetGateway.ENDPOINT_SETTING, s.akismetEndpoint());
    }

    /** A value of the feature kept outside the settings page (such as the form-signing secret). */
    public java.util.Optional<String> internal(String key) {
        return settings.get(PREFIX + key);
    }

    /** Stores such a value; no page shows it, so the change is not announced (the page cache stays). */
    public void putInternal(String key, String value) {
        settings.putUnannounced(PREFIX + key, value);
    }

    private void put(String key, String value) {
        putFull(PREFIX + key, value);
    }

    private void putFull(String full, String value) {
        if (!value.equals(settings.get(full).orElse(null))) {
            settings.put(full, value);
        }
    }

    private String text(String key) {
        return settings.get(PREFIX + key).orElse("");
    }

    private List<String> list(String key) {
        return CommentSettings.lines(text(key));
    }

    private int number(String key, int fallback, int min, int max) {
        return parse(text(key), Integer::parseInt).filter(n -> n >= min && n <= max).orElse(fallback);
    }

    private <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
        return parse(text(key), v -> Enum.valueOf(type, v)).orElse(fallback);
    }

    private static <T> java.util.Optional<T> parse(String value, Function<String, T> parser) {
        try {
            return value.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(parser.apply(value));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
