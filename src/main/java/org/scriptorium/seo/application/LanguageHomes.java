package org.scriptorium.seo.application;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.content.application.ArticleSummary;
import org.scriptorium.content.application.ReadingService;
import org.scriptorium.seo.domain.SitemapUrl;

/** The home page of each language, last changed when its newest article appeared; x-default is {@code /}. */
@ApplicationScoped
public class LanguageHomes implements SitemapSource {

    private ReadingService reading;

    protected LanguageHomes() {
    }

    @Inject
    public LanguageHomes(ReadingService reading) {
        this.reading = reading;
    }

    @Override
    public List<SitemapUrl> urls(SitemapContext context) {
        Map<String, String> alternates = new LinkedHashMap<>();
        context.enabled().forEach(code -> alternates.put(code, "/" + code + "/"));
        alternates.put("x-default", "/");
        Optional<Instant> newest = reading.latest(context.language(), 0, 1).stream().findFirst()
                .map(ArticleSummary::publishedAt);
        return List.of(new SitemapUrl("/" + context.language() + "/", newest, alternates));
    }

    @Override
    public int order() {
        return 0;
    }
}
