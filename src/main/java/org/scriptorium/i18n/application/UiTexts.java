package org.scriptorium.i18n.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The user-interface strings, one UTF-8 properties file per language under {@code translations/}
 * ({@code messages_it.properties}, ...). A key missing in a language falls back to English, then to the key
 * itself in brackets, so that a gap is visible but never breaks a page; a test keeps the files complete.
 */
@ApplicationScoped
public class UiTexts {

    public static final List<String> SHIPPED_LANGUAGES = List.of("it", "es", "en", "fr", "de", "pt");
    private static final String FALLBACK = "en";

    private final Map<String, Map<String, String>> bundles = new ConcurrentHashMap<>();

    /** The text of a key in a language, with {0}-style arguments formatted for that language. */
    public String msg(String language, String key, Object... args) {
        String pattern = bundle(language).get(key);
        if (pattern == null) {
            pattern = bundle(FALLBACK).get(key);
        }
        if (pattern == null) {
            return "[" + key + "]";
        }
        if (args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, Locale.forLanguageTag(language)).format(args);
    }

    /** Every key of a language's file. */
    public Set<String> keys(String language) {
        return bundle(language).keySet();
    }

    /** The whole bundle of a language, for templates. */
    public Map<String, String> bundle(String language) {
        return bundles.computeIfAbsent(language == null ? FALLBACK : language, UiTexts::load);
    }

    /**
     * Reads one language's file as it is, without the fallback to English (for bundles that other frameworks
     * look up themselves, such as Faces' message bundle); empty when the language has no file.
     */
    public static Map<String, String> load(String language) {
        String resource = "translations/messages_" + language + ".properties";
        ClassLoader loader = UiTexts.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Collections.emptyMap();
            }
            Properties props = new Properties();
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> map = new ConcurrentHashMap<>();
            props.forEach((k, v) -> map.put((String) k, (String) v));
            return Collections.unmodifiableMap(map);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
