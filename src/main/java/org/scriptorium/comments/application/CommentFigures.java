package org.scriptorium.comments.application;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.comments.domain.CommentStatus;
import org.scriptorium.platform.dashboard.DailySeries;
import org.scriptorium.platform.dashboard.DashboardFigure;
import org.scriptorium.spam.application.AkismetGateway;

/** What the comments feature shows on the back-office dashboard. */
public final class CommentFigures {

    private CommentFigures() {
    }

    /** Comments waiting for a moderator. */
    @ApplicationScoped
    public static class PendingComments implements DashboardFigure {

        @Inject
        private CommentService comments;

        @Override
        public String labelKey() {
            return "comments.figure.pending";
        }

        @Override
        public long value() {
            return comments.pendingCount();
        }

        @Override
        public String link() {
            return "/backoffice/comments";
        }

        @Override
        public int order() {
            return 20;
        }
    }

    /** 1 when comments are checked by Akismet, 0 when Akismet is off (no key, or a rejected one). */
    @ApplicationScoped
    public static class AkismetActive implements DashboardFigure {

        @Inject
        private AkismetGateway akismet;

        @Override
        public String labelKey() {
            return "comments.figure.akismet";
        }

        @Override
        public long value() {
            return akismet.isActive() ? 1 : 0;
        }

        @Override
        public String link() {
            return "/backoffice/comments/settings";
        }

        @Override
        public int order() {
            return 21;
        }
    }

    /** Comments received per day. */
    @ApplicationScoped
    public static class CommentsPerDay implements DailySeries {

        @Inject
        private CommentService comments;

        @Override
        public String labelKey() {
            return "comments.series.comments";
        }

        @Override
        public Map<LocalDate, Long> counts(LocalDate first, LocalDate last) {
            return comments.perDay(first, last, Optional.empty());
        }

        @Override
        public int order() {
            return 20;
        }
    }

    /** Comments received per day that are spam now. */
    @ApplicationScoped
    public static class SpamPerDay implements DailySeries {

        @Inject
        private CommentService comments;

        @Override
        public String labelKey() {
            return "comments.series.spam";
        }

        @Override
        public Map<LocalDate, Long> counts(LocalDate first, LocalDate last) {
            return comments.perDay(first, last, Optional.of(CommentStatus.SPAM));
        }

        @Override
        public int order() {
            return 21;
        }
    }
}
