package org.scriptorium.i18n.application;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses a language for a reader who did not name one in the URL: an explicit earlier choice (the
 * switcher's cookie) first, then the browser's Accept-Language preferences, then the site's default.
 * Pure logic, so that it can be tested without a request.
 */
public final class LanguageNegotiation {

    private LanguageNegotiation() {
    }

    /**
     * @param enabled        the enabled language codes
     * @param defaultCode    the site default, used when nothing else matches
     * @param explicitChoice the code remembered from the reader's own choice, if any
     * @param acceptLanguage the raw Accept-Language header, possibly null or malformed
     */
    public static String negotiate(Set<String> enabled, String defaultCode, Optional<String> explicitChoice,
                                   String acceptLanguage) {
        if (explicitChoice.isPresent() && enabled.contains(explicitChoice.get())) {
            return explicitChoice.get();
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    if (range.getWeight() <= 0) {
                        continue;
                    }
                    String tag = range.getRange().toLowerCase(Locale.ROOT);
                    String primary = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
                    if (enabled.contains(primary)) {
                        return primary;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                return defaultCode;
            }
        }
        return defaultCode;
    }

    /** The enabled codes among a list of candidates, in order; used to filter input before use. */
    public static List<String> enabledAmong(Set<String> enabled, List<String> candidates) {
        return candidates.stream().filter(enabled::contains).toList();
    }
}
