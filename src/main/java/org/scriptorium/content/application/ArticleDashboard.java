package org.scriptorium.content.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.content.domain.ArticleRepository;
import org.scriptorium.platform.dashboard.DailySeries;

/**
 * The content feature's line in the dashboard's 30-day chart: translations published per day. (The counts of
 * drafts, scheduled, missing and outdated translations are the {@code *Figure} beans of this package.)
 */
public final class ArticleDashboard {

    private ArticleDashboard() {
    }

    /** Translations published per day (UTC), whatever the language. */
    @ApplicationScoped
    @Transactional
    public static class Published implements DailySeries {

        @Inject
        private ArticleRepository articles;

        protected Published() {
        }

        public Published(ArticleRepository articles) {
            this.articles = articles;
        }

        @Override
        public String labelKey() {
            return "dashboard.series.published";
        }

        @Override
        public Map<LocalDate, Long> counts(LocalDate first, LocalDate last) {
            Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant until = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Map<LocalDate, Long> counts = new TreeMap<>();
            for (Instant at : articles.publicationTimes(from, until)) {
                counts.merge(LocalDate.ofInstant(at, ZoneOffset.UTC), 1L, Long::sum);
            }
            return counts;
        }

        @Override
        public int order() {
            return 10;
        }
    }
}
