package org.scriptorium.seo.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.content.application.ReadingService;
import org.scriptorium.seo.domain.SitemapUrl;

/**
 * Every category, tag and author page of a language, with the same category, tag or author in the other
 * enabled languages as alternates (an author has a page in each language they published in). x-default is the default language's page when there is one, else the first in the order of
 * the enabled languages: the same for every language, so the alternates are reciprocal (and the same as the
 * pages' own hreflang links).
 */
@ApplicationScoped
public class ListingPages implements SitemapSource {

    private ReadingService reading;

    protected ListingPages() {
    }

    @Inject
    public ListingPages(ReadingService reading) {
        this.reading = reading;
    }

    @Override
    public List<SitemapUrl> urls(SitemapContext context) {
        List<SitemapUrl> urls = new ArrayList<>();
        for (Function<ReadingService, List<Map<String, String>>> kind : List.<Function<ReadingService, List<Map<String, String>>>>of(
                ReadingService::categoryPages, ReadingService::tagPages, ReadingService::authorPages)) {
            for (Map<String, String> byLanguage : kind.apply(reading)) {
                String own = byLanguage.get(context.language());
                if (own == null) {
                    continue;
                }
                Map<String, String> alternates = new LinkedHashMap<>();
                context.enabled().stream().filter(byLanguage::containsKey).forEach(code -> alternates.put(code, byLanguage.get(code)));
                String xDefault = alternates.containsKey(context.defaultLanguage()) ? context.defaultLanguage()
                        : alternates.keySet().iterator().next();
                alternates.put("x-default", alternates.get(xDefault));
                urls.add(new SitemapUrl(own, Optional.empty(), alternates));
            }
        }
        return urls;
    }

    @Override
    public int order() {
        return 20;
    }
}
