package org.scriptorium.newsletter.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.content.domain.Article;
import org.scriptorium.content.domain.ArticleRepository;
import org.scriptorium.content.domain.ArticleTranslation;
import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.i18n.application.UiTexts;
import org.scriptorium.mail.application.MailTemplates;
import org.scriptorium.newsletter.domain.MissingLanguagePolicy;
import org.scriptorium.platform.config.Settings;

/**
 * Chooses and renders the articles of an edition: the ones an editor picked, or every article published since
 * a moment (the start of the previous edition). Per language, an article without a visible translation is
 * left out or shown in its source language, as the edition's {@link MissingLanguagePolicy} says.
 */
@ApplicationScoped
@Transactional
public class EditionComposer {

    static final int CANDIDATES = 500;
    /** How far back "since the last edition" reaches when there was none. */
    static final Duration FIRST_EDITION_REACH = Duration.ofDays(30);

    private ArticleRepository articles;
    private LanguageService languages;
    private UiTexts texts;
    private Settings settings;
    private Clock clock;

    protected EditionComposer() {
    }

    @Inject
    public EditionComposer(ArticleRepository articles, LanguageService languages, UiTexts texts, Settings settings, Clock clock) {
        this.articles = articles;
        this.languages = languages;
        this.texts = texts;
        this.settings = settings;
        this.clock = clock;
    }

    /** Published articles, newest first, for the picker. */
    public List<ArticleChoice> candidates() {
        Instant now = clock.instant();
        Set<Long> seen = new LinkedHashSet<>();
        List<ArticleChoice> out = new ArrayList<>();
        for (String lang : languages.enabledCodes()) {
            for (ArticleTranslation t : articles.findPublished(lang, now, 0, CANDIDATES)) {
                Article a = t.getArticle();
                if (seen.add(a.getId())) {
                    ArticleTranslation shown = a.sourceTranslation().filter(s -> s.isVisibleAt(now)).orElse(t);
                    out.add(new ArticleChoice(a.getId(), shown.getTitle(), shown.getLanguage(), published(shown)));
                }
            }
        }
        out.sort(Comparator.comparing(ArticleChoice::publishedAt).reversed());
        return out;
    }

    /** Articles with a translation first visible after {@code since} (or in the last 30 days), newest first. */
    public List<Long> publishedSince(Optional<Instant> since) {
        Instant from = since.orElse(clock.instant().minus(FIRST_EDITION_REACH));
        return candidates().stream().filter(c -> c.publishedAt().isAfter(from)).map(ArticleChoice::articleId).toList();
    }

    /** Renders the article list of an edition in one language. */
    public EditionContent render(List<Long> articleIds, String language, MissingLanguagePolicy policy) {
        Instant now = clock.instant();
        StringBuilder html = new StringBuilder();
        StringBuilder text = new StringBuilder();
        int count = 0;
        for (long id : articleIds) {
            Optional<Article> article = articles.findById(id);
            if (article.isEmpty()) {
                continue;
            }
            Optional<ArticleTranslation> t = article.get().translation(language).filter(x -> x.isVisibleAt(now));
            boolean fallback = false;
            if (t.isEmpty() && policy == MissingLanguagePolicy.SOURCE) {
                t = article.get().sourceTranslation().filter(x -> x.isVisibleAt(now));
                if (t.isEmpty()) {
                    t = article.get().getTranslations().values().stream().filter(x -> x.isVisibleAt(now)).findFirst();
                }
                fallback = t.isPresent();
            }
            if (t.isEmpty()) {
                continue;
            }
            ArticleTranslation tr = t.get();
            String url = settings.baseUrl() + "/" + tr.getLanguage() + "/" + tr.getSlug();
            String excerpt = tr.getExcerpt() == null ? "" : tr.getExcerpt();
            String note = fallback ? texts.msg(language, "newsletter.mail.inSource", languageName(tr.getLanguage())) : "";
            html.append("<h2 style=\"font-size:18px;margin:24px 0 4px 0;\"><a href=\"").append(MailTemplates.escape(url))
                    .append("\" style=\"color:#7a1f1f;\"").append(fallback ? " lang=\"" + tr.getLanguage() + "\"" : "").append(">")
                    .append(MailTemplates.escape(tr.getTitle())).append("</a></h2>\n");
            if (fallback) {
                html.append("<p style=\"margin:0;color:#666666;font-size:13px;\">").append(MailTemplates.escape(note)).append("</p>\n");
            }
            if (!excerpt.isBlank()) {
                html.append("<p style=\"margin:4px 0 0 0;\"").append(fallback ? " lang=\"" + tr.getLanguage() + "\"" : "").append(">")
                        .append(MailTemplates.escape(excerpt)).append("</p>\n");
            }
            text.append("* ").append(tr.getTitle()).append(fallback ? " (" + note + ")" : "").append('\n');
            if (!excerpt.isBlank()) {
                text.append("  ").append(excerpt).append('\n');
            }
            text.append("  ").append(url).append("\n\n");
            count++;
        }
        return new EditionContent(language, html.toString(), text.toString(), count);
    }

    private String languageName(String code) {
        return languages.enabled().stream().filter(l -> l.getCode().equals(code)).map(l -> l.getNativeName()).findFirst().orElse(code);
    }

    private static Instant published(ArticleTranslation t) {
        return t.getPublishAt().orElse(t.getCreatedAt());
    }
}
