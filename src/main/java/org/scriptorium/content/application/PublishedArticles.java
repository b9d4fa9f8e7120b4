package org.scriptorium.content.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.content.domain.Article;
import org.scriptorium.content.domain.ArticleRepository;
import org.scriptorium.content.domain.ArticleTranslation;

/**
 * Every article readers can see now, with all its visible translations: what a sitemap or a crawler
 * needs to list the site and link each page to its translations. Read-only views, like
 * {@link ReadingService}'s.
 */
@ApplicationScoped
@Transactional
public class PublishedArticles {

    private static final int PAGE = 500;

    private ArticleRepository articles;
    private Clock clock;

    /** An article and its visible translations. */
    public record PublishedArticle(long articleId, String sourceLanguage, Map<String, Translation> translations) {
    }

    /** One visible translation: where it lives and when it last changed for readers. */
    public record Translation(String language, String slug, Instant lastModified) {
    }

    protected PublishedArticles() {
    }

    @Inject
    public PublishedArticles(ArticleRepository articles, Clock clock) {
        this.articles = articles;
        this.clock = clock;
    }

    /** The articles visible in at least one of the given languages, newest first within each language. */
    public List<PublishedArticle> inLanguages(Collection<String> languages) {
        Instant now = clock.instant();
        Map<Long, PublishedArticle> found = new LinkedHashMap<>();
        for (String language : languages) {
            for (int offset = 0; ; offset += PAGE) {
                List<ArticleTranslation> page = articles.findPublished(language, now, offset, PAGE);
                for (ArticleTranslation t : page) {
                    Article a = t.getArticle();
                    found.computeIfAbsent(a.getId(), id -> view(a, languages, now));
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    private static PublishedArticle view(Article a, Collection<String> languages, Instant now) {
        Map<String, Translation> visible = new TreeMap<>();
        a.getTranslations().forEach((code, t) -> {
            if (languages.contains(code) && t.isVisibleAt(now)) {
                Instant published = t.getPublishAt().orElse(t.getCreatedAt());
                Instant changed = t.getUpdatedAt().isAfter(published) ? t.getUpdatedAt() : published;
                visible.put(code, new Translation(code, t.getSlug(), changed));
            }
        });
        return new PublishedArticle(a.getId(), a.getSourceLanguage(), visible);
    }
}
