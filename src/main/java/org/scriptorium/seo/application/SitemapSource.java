package org.scriptorium.seo.application;

import java.util.List;

import org.scriptorium.seo.domain.SitemapUrl;

/**
 * One kind of public page that belongs in the sitemaps (language homes, articles; later categories, tags,
 * authors). Implement it as a CDI bean and {@link SitemapService} picks it up.
 */
public interface SitemapSource {

    /** The pages of this kind in a language, each with its alternates in the other enabled languages. */
    List<SitemapUrl> urls(SitemapContext context);

    /** Sources are listed in ascending order; homes come first. */
    default int order() {
        return 100;
    }
}
