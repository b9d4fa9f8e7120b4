package org.scriptorium.seo.application;

import java.util.List;

/**
 * What a {@link SitemapSource} is asked for.
 *
 * @param language        the language whose sitemap is being written
 * @param enabled         the enabled languages in display order
 * @param defaultLanguage the site's default language, for {@code x-default}
 */
public record SitemapContext(String language, List<String> enabled, String defaultLanguage) {

    public SitemapContext {
        enabled = List.copyOf(enabled);
    }
}
