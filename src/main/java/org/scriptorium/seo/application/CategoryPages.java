package org.scriptorium.seo.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.content.application.ReadingService;
import org.scriptorium.seo.domain.SitemapUrl;

/**
 * Every category page of a language, with the same category in the other enabled languages as alternates.
 * x-default is the default language's page when the category is named there, else the first in the order of
 * the enabled languages, the same for every language so that the alternates are reciprocal (and the same as
 * the pages' own hreflang links).
 */
@ApplicationScoped
public class CategoryPages implements SitemapSource {

    private ReadingService reading;

    protected CategoryPages() {
    }

    @Inject
    public CategoryPages(ReadingService reading) {
        this.reading = reading;
    }

    @Override
    public List<SitemapUrl> urls(SitemapContext context) {
        List<SitemapUrl> urls = new ArrayList<>();
        for (Map<String, String> byLanguage : reading.categoryPages()) {
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
        return urls;
    }

    @Override
    public int order() {
        return 20;
    }
}
