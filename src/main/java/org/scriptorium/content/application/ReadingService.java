package org.scriptorium.content.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.content.domain.Article;
import org.scriptorium.content.domain.ArticleRepository;
import org.scriptorium.content.domain.ArticleTranslation;
import org.scriptorium.content.domain.Category;
import org.scriptorium.content.domain.SlugKind;
import org.scriptorium.content.domain.SlugRedirectRepository;

/**
 * What readers may see: published translations only, as read-only views. Nothing returned here is an
 * entity, so the public site cannot change content or trigger lazy loading while rendering.
 */
@ApplicationScoped
@Transactional
public class ReadingService {

    private ArticleRepository articles;
    private SlugRedirectRepository redirects;
    private Clock clock;

    protected ReadingService() {
    }

    @Inject
    public ReadingService(ArticleRepository articles, SlugRedirectRepository redirects, Clock clock) {
        this.articles = articles;
        this.redirects = redirects;
        this.clock = clock;
    }

    /** A page of the latest published articles in a language. */
    public List<ArticleSummary> latest(String language, int offset, int limit) {
        return articles.findPublished(language, clock.instant(), offset, limit).stream()
                .map(ReadingService::summary).toList();
    }

    public long countPublished(String language) {
        return articles.countPublished(language, clock.instant());
    }

    /** The article a slug answers to in a language, or where it moved, or nothing. */
    public ArticleLookup article(String language, String slug) {
        Instant now = clock.instant();
        var found = articles.findTranslationBySlug(language, slug).filter(t -> t.isVisibleAt(now));
        if (found.isPresent()) {
            return new ArticleLookup.Found(view(found.get(), now));
        }
        return redirects.find(SlugKind.ARTICLE, language, slug)
                .flatMap(r -> articles.findTranslationById(r.getTargetId()))
                .filter(t -> t.isVisibleAt(now) && !t.getSlug().equals(slug))
                .<ArticleLookup>map(t -> new ArticleLookup.Moved(t.getSlug()))
                .orElseGet(ArticleLookup.Missing::new);
    }

    static ArticleSummary summary(ArticleTranslation t) {
        Article a = t.getArticle();
        return new ArticleSummary(a.getId(), t.getLanguage(), t.getTitle(), t.getSlug(), t.getExcerpt(),
                a.getAuthor().getName(), a.getAuthor().getSlug(), t.getPublishAt().orElse(t.getCreatedAt()));
    }

    private static ArticleView view(ArticleTranslation t, Instant now) {
        Article a = t.getArticle();
        String lang = t.getLanguage();
        List<ArticleView.NamedLink> path = new ArrayList<>();
        a.getCategories().stream().findFirst().ifPresent(category -> {
            for (Category c : category.lineage()) {
                c.translation(lang).ifPresent(ct -> path.add(new ArticleView.NamedLink(ct.getName(), ct.getSlug())));
            }
        });
        List<ArticleView.NamedLink> tags = a.getTags().stream()
                .flatMap(tag -> tag.translation(lang).stream())
                .map(tt -> new ArticleView.NamedLink(tt.getName(), tt.getSlug()))
                .sorted(java.util.Comparator.comparing(ArticleView.NamedLink::slug))
                .toList();
        Map<String, String> slugs = new TreeMap<>();
        a.getTranslations().forEach((code, tr) -> {
            if (tr.isVisibleAt(now)) {
                slugs.put(code, tr.getSlug());
            }
        });
        return new ArticleView(a.getId(), t.getId(), lang, t.getTitle(), t.getSlug(), t.getExcerpt(), t.getBody(),
                t.getSeoTitle(), t.getSeoDescription(), a.getAuthor().getName(), a.getAuthor().getSlug(),
                t.getPublishAt().orElse(t.getCreatedAt()), t.getUpdatedAt(), path, tags, slugs);
    }
}
