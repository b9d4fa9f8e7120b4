package org.scriptorium.seo.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a language's sitemap.
 *
 * @param path         the page's path from the site root, e.g. {@code /it/some-article}
 * @param lastModified when it last changed, if known
 * @param alternates   hreflang (a language code or {@code x-default}) to path, for every language version of
 *                     the page, this one included; empty when the page has no translations
 */
public record SitemapUrl(String path, Optional<Instant> lastModified, Map<String, String> alternates) {

    public SitemapUrl {
        alternates = Map.copyOf(alternates);
    }
}
