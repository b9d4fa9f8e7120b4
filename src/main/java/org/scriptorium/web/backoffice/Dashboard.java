package org.scriptorium.web.backoffice;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.scriptorium.content.application.ContentStatistics;
import org.scriptorium.content.domain.PublicationStatus;
import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.i18n.domain.SiteLanguage;
import org.scriptorium.platform.dashboard.DailySeries;
import org.scriptorium.platform.dashboard.DashboardFigure;

/**
 * The back-office home: every {@link DashboardFigure} that any feature contributes, as a count linking to
 * what it counts; a chart of the last 30 days with a line per {@link DailySeries}, drawn on the server as
 * inline SVG with the same numbers in a table for screen readers and keyboards; and how many translations
 * each language has, by status, and how many are missing.
 */
@Named
@RequestScoped
public class Dashboard {

    static final int DAYS = 30;
    static final int WIDTH = 720;
    static final int HEIGHT = 240;
    static final int LEFT = 40;
    static final int RIGHT = 10;
    static final int TOP = 10;
    static final int BOTTOM = 30;
    /** Line colours and dash patterns, distinct without colour too. */
    private static final String[] COLOURS = {"#1f5fbf", "#b5179e", "#2d6a4f", "#d00000", "#6a4c93", "#8a5a00"};
    private static final String[] DASHES = {"", "6 3", "2 3", "10 4 2 4", "1 2", "8 2"};

    @Inject
    private ContentStatistics statistics;

    @Inject
    private LanguageService languages;

    @Inject
    private Instance<DashboardFigure> figureBeans;

    @Inject
    private Instance<DailySeries> seriesBeans;

    @Inject
    private Clock clock;

    private List<ContentStatistics.LanguageRow> rows;
    private List<Figure> figures;
    private Chart chart;

    /** A figure as shown: its label key, value and link. */
    public record Figure(String labelKey, long value, String link) {
    }

    /** One line of the chart: label key, colour, dash pattern, SVG points and the counts per day. */
    public record Line(String labelKey, String colour, String dash, String points, List<Long> counts) {
    }

    /** An axis label at a position. */
    public record Tick(int x, int y, String text) {
    }

    /** The chart: its days, lines and axis labels, and the largest value (the top of the y axis). */
    public record Chart(List<LocalDate> days, List<Line> lines, List<Tick> xTicks, List<Tick> yTicks, long max) {

        /** Whether there is anything to draw. */
        public boolean isDrawn() {
            return !lines.isEmpty();
        }
    }

    public List<Figure> getFigures() {
        if (figures == null) {
            figures = figureBeans.stream().sorted(Comparator.comparingInt(DashboardFigure::order)
                            .thenComparing(DashboardFigure::labelKey))
                    .map(f -> new Figure(f.labelKey(), f.value(), f.link())).toList();
        }
        return figures;
    }

    public Chart getChart() {
        if (chart == null) {
            chart = chart(LocalDate.now(clock.withZone(ZoneOffset.UTC)),
                    seriesBeans.stream().sorted(Comparator.comparingInt(DailySeries::order)
                            .thenComparing(DailySeries::labelKey)).toList());
        }
        return chart;
    }

    /** Lays out the chart for the {@value #DAYS} days ending {@code today}. */
    static Chart chart(LocalDate today, List<DailySeries> series) {
        LocalDate first = today.minusDays(DAYS - 1L);
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < DAYS; i++) {
            days.add(first.plusDays(i));
        }
        List<List<Long>> values = new ArrayList<>();
        long max = 1;
        for (DailySeries s : series) {
            Map<LocalDate, Long> counts = s.counts(first, today);
            List<Long> line = days.stream().map(d -> counts.getOrDefault(d, 0L)).toList();
            max = Math.max(max, line.stream().mapToLong(Long::longValue).max().orElse(0));
            values.add(line);
        }
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            StringBuilder points = new StringBuilder();
            List<Long> line = values.get(i);
            for (int d = 0; d < DAYS; d++) {
                double x = LEFT + (double) plotWidth * d / (DAYS - 1);
                double y = TOP + plotHeight - (double) plotHeight * line.get(d) / max;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            lines.add(new Line(series.get(i).labelKey(), COLOURS[i % COLOURS.length], DASHES[i % DASHES.length],
                    points.toString().strip(), line));
        }
        List<Tick> xTicks = new ArrayList<>();
        for (int d = 0; d < DAYS; d += 7) {
            xTicks.add(new Tick(LEFT + plotWidth * d / (DAYS - 1), HEIGHT - 10, days.get(d).toString().substring(5)));
        }
        xTicks.add(new Tick(LEFT + plotWidth, HEIGHT - 10, today.toString().substring(5)));
        List<Tick> yTicks = List.of(new Tick(LEFT - 6, TOP + plotHeight, "0"),
                new Tick(LEFT - 6, TOP + plotHeight / 2, max % 2 == 0 ? String.valueOf(max / 2) : ""),
                new Tick(LEFT - 6, TOP + 4, String.valueOf(max)));
        return new Chart(days, lines, xTicks, yTicks, max);
    }

    public List<ContentStatistics.LanguageRow> getRows() {
        if (rows == null) {
            rows = statistics.translationsByLanguage(languages.enabled().stream().map(SiteLanguage::getCode).toList());
        }
        return rows;
    }

    public List<PublicationStatus> getStatuses() {
        return List.of(PublicationStatus.values());
    }

    public long getArticleCount() {
        return statistics.articleCount();
    }

    public String languageName(String code) {
        return languages.enabled().stream().filter(l -> l.getCode().equals(code)).map(SiteLanguage::getNativeName)
                .findFirst().orElse(code);
    }

    public int getWidth() {
        return WIDTH;
    }

    public int getHeight() {
        return HEIGHT;
    }

    public int getPlotLeft() {
        return LEFT;
    }

    public int getPlotRight() {
        return WIDTH - RIGHT;
    }

    public int getPlotBottom() {
        return HEIGHT - BOTTOM;
    }

    public int getPlotTop() {
        return TOP;
    }
}
