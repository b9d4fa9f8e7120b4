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
import org.scriptorium.content.domain.PublicationStatus;
import org.scriptorium.platform.dashboard.DailySeries;
import org.scriptorium.platform.dashboard.DashboardFigure;

/**
 * What the content feature shows on the dashboard: counts of drafts and scheduled translations, and the
 * translations published per day for the 30-day chart. Each is its own bean, since the dashboard collects
 * beans by type.
 */
public final class ArticleDashboard {

    private ArticleDashboard() {
    }

    /** Translations in draft, linking to the filtered article list. */
    @ApplicationScoped
    @Transactional
    public static class Drafts implements DashboardFigure {

        @Inject
        private ArticleRepository articles;

        @Override
        public String labelKey() {
            return "dashboard.figure.drafts";
        }

        @Override
        public long value() {
            return articles.countWithStatus(PublicationStatus.DRAFT);
        }

        @Override
        public String link() {
            return "/backoffice/articles?status=DRAFT";
        }

        @Override
        public int order() {
            return 10;
        }
    }

    /** Translations waiting for their publication time. */
    @ApplicationScoped
    @Transactional
    public static class Scheduled implements DashboardFigure {

        @Inject
        private ArticleRepository articles;

        @Override
        public String labelKey() {
            return "dashboard.figure.scheduled";
        }

        @Override
        public long value() {
            return articles.countWithStatus(PublicationStatus.SCHEDULED);
        }

        @Override
        public String link() {
            return "/backoffice/articles?status=SCHEDULED";
        }

        @Override
        public int order() {
            return 20;
        }
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
