package org.scriptorium.content.application;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.content.domain.ArticleRepository;
import org.scriptorium.content.domain.PublicationStatus;

/** Counts for the back-office dashboard. */
@ApplicationScoped
@Transactional
public class ContentStatistics {

    private ArticleRepository articles;

    protected ContentStatistics() {
    }

    @Inject
    public ContentStatistics(ArticleRepository articles) {
        this.articles = articles;
    }

    /** One row of the dashboard table: a language, its count per status, and how many articles lack it. */
    public record LanguageRow(String language, Map<PublicationStatus, Long> byStatus, long missing) {

        public long count(PublicationStatus status) {
            return byStatus.getOrDefault(status, 0L);
        }
    }

    /** A row per given language, in the given order. */
    public List<LanguageRow> translationsByLanguage(List<String> languages) {
        long total = articles.count();
        Map<String, Map<PublicationStatus, Long>> counts = new LinkedHashMap<>();
        languages.forEach(l -> counts.put(l, new EnumMap<>(PublicationStatus.class)));
        for (ArticleRepository.StatusCount c : articles.countByLanguageAndStatus()) {
            counts.computeIfAbsent(c.language(), l -> new EnumMap<>(PublicationStatus.class)).put(c.status(), c.count());
        }
        return languages.stream().map(l -> {
            Map<PublicationStatus, Long> byStatus = counts.get(l);
            long present = byStatus.values().stream().mapToLong(Long::longValue).sum();
            return new LanguageRow(l, byStatus, Math.max(0, total - present));
        }).toList();
    }

    public long articleCount() {
        return articles.count();
    }
}
