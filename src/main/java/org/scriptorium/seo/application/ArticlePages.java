package org.scriptorium.seo.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.content.application.PublishedArticles;
import org.scriptorium.content.application.PublishedArticles.PublishedArticle;
import org.scriptorium.content.application.PublishedArticles.Translation;
import org.scriptorium.seo.domain.SitemapUrl;

/**
 * Every published article translation, with every other published translation of the same article as an
 * alternate. x-default is the default language's translation when published, else the source language's,
 * else the first published one in the order of the enabled languages: the same for every translation, so
 * the alternates are reciprocal.
 */
@ApplicationScoped
public class ArticlePages implements SitemapSource {

    private PublishedArticles published;

    protected ArticlePages() {
    }

    @Inject
    public ArticlePages(PublishedArticles published) {
        this.published = published;
    }

    @Override
    public List<SitemapUrl> urls(SitemapContext context) {
        List<SitemapUrl> urls = new ArrayList<>();
        for (PublishedArticle article : published.inLanguages(context.enabled())) {
            Translation own = article.translations().get(context.language());
            if (own == null) {
                continue;
            }
            Map<String, String> alternates = new LinkedHashMap<>();
            for (String code : context.enabled()) {
                Translation t = article.translations().get(code);
                if (t != null) {
                    alternates.put(code, path(t));
                }
            }
            alternates.put("x-default", path(xDefault(article, context)));
            urls.add(new SitemapUrl(path(own), Optional.of(own.lastModified()), alternates));
        }
        return urls;
    }

    static Translation xDefault(PublishedArticle article, SitemapContext context) {
        Map<String, Translation> t = article.translations();
        if (t.containsKey(context.defaultLanguage())) {
            return t.get(context.defaultLanguage());
        }
        if (t.containsKey(article.sourceLanguage())) {
            return t.get(article.sourceLanguage());
        }
        return context.enabled().stream().filter(t::containsKey).findFirst().map(t::get)
                .orElseThrow(() -> new IllegalStateException("Article " + article.articleId() + " has no translation"));
    }

    private static String path(Translation t) {
        return "/" + t.language() + "/" + t.slug();
    }

    @Override
    public int order() {
        return 10;
    }
}
