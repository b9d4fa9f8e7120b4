package org.scriptorium.web.backoffice;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.i18n.domain.SiteLanguage;
import org.scriptorium.newsletter.application.GrowthSeries;
import org.scriptorium.newsletter.application.ImportReport;
import org.scriptorium.newsletter.application.SubscriberAdmin;
import org.scriptorium.newsletter.domain.Subscriber;
import org.scriptorium.newsletter.domain.SubscriberQuery;
import org.scriptorium.newsletter.domain.SubscriberStatus;
import org.scriptorium.web.common.Texts;

/**
 * {@code /backoffice/newsletter}: subscribers filtered by status, language and address (the filter lives in
 * the query string), pages of 50, erasure, CSV export (a link to {@link NewsletterExport}) and import, and
 * the chart of subscribers per language over twelve weeks as inline SVG.
 */
@Named
@RequestScoped
public class NewsletterSubscribers {

    static final int PAGE = 50;
    static final int WEEKS = 12;
    static final int CHART_WIDTH = 600;
    static final int CHART_HEIGHT = 200;
    private static final String[] COLOURS = {"#7a1f1f", "#1f4e7a", "#2e7a1f", "#7a5a1f", "#5a1f7a", "#1f7a6f", "#444444"};

    @Inject
    private SubscriberAdmin admin;

    @Inject
    private LanguageService languages;

    @Inject
    private SecurityContext security;

    @Inject
    private HttpServletRequest request;

    @Inject
    private Texts texts;

    private SubscriberQuery query;
    private int page;
    private Part file;
    private boolean consentObtained;
    private String importLanguage;
    private List<Subscriber> rows;

    /** One line of the chart. */
    public record Series(String language, String colour, String points, long last) {
    }

    @PostConstruct
    void read() {
        SubscriberStatus status = null;
        try {
            String s = request.getParameter("status");
            status = s == null || s.isBlank() ? null : SubscriberStatus.valueOf(s);
        } catch (IllegalArgumentException ignored) {
            status = null;
        }
        String lang = request.getParameter("lang");
        String q = request.getParameter("q");
        query = new SubscriberQuery(status, lang == null || lang.isBlank() ? null : lang, q == null ? null : q.strip());
        try {
            page = Math.max(1, Integer.parseInt(request.getParameter("page")));
        } catch (NumberFormatException e) {
            page = 1;
        }
        importLanguage = languages.defaultCode();
    }

    public List<Subscriber> getRows() {
        if (rows == null) {
            rows = admin.search(query, (page - 1) * PAGE, PAGE);
        }
        return rows;
    }

    public long getCount() {
        return admin.count(query);
    }

    public Map<SubscriberStatus, Long> getByStatus() {
        return admin.countByStatus();
    }

    public SubscriberStatus[] getStatuses() {
        return SubscriberStatus.values();
    }

    public List<SiteLanguage> getLanguages() {
        return languages.enabled();
    }

    public String getStatus() {
        return query.status() == null ? "" : query.status().name();
    }

    public String getLang() {
        return query.language() == null ? "" : query.language();
    }

    public String getQ() {
        return query.text() == null ? "" : query.text();
    }

    public int getPage() {
        return page;
    }

    public boolean isHasNext() {
        return (long) page * PAGE < getCount();
    }

    /** The current filter as a query string without the page, for links. */
    public String getFilterQuery() {
        return "status=" + enc(getStatus()) + "&lang=" + enc(getLang()) + "&q=" + enc(getQ());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Erases the subscriber whose id the pressed button carried (a request parameter, not a row index). */
    public String erase() {
        long id;
        try {
            id = Long.parseLong(request.getParameter("erase"));
        } catch (NumberFormatException e) {
            return null;
        }
        admin.erase(id, actor());
        return "/backoffice/newsletter.xhtml?faces-redirect=true&erased=1";
    }

    public String importFile() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (file == null || file.getSize() == 0) {
            faces.addMessage("import:file", new FacesMessage(FacesMessage.SEVERITY_ERROR, texts.get("nlbo.import.noFile"), null));
            return null;
        }
        try (InputStreamReader in = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            ImportReport r = admin.importCsv(in, consentObtained, importLanguage, actor());
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    texts.format("nlbo.import.done", r.added(), r.existing(), r.suppressed(), r.invalid()), null));
        } catch (IOException e) {
            faces.addMessage("import:file", new FacesMessage(FacesMessage.SEVERITY_ERROR, texts.get("nlbo.import.noFile"), null));
        }
        return null;
    }

    /** The chart's lines: one polyline per language, scaled to the largest count. */
    public List<Series> getSeries() {
        GrowthSeries g = admin.growth(WEEKS);
        long max = g.max();
        List<Series> out = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<Long>> e : g.counts().entrySet()) {
            StringBuilder points = new StringBuilder();
            List<Long> values = e.getValue();
            for (int w = 0; w < values.size(); w++) {
                long x = 40 + (long) w * (CHART_WIDTH - 60) / Math.max(1, values.size() - 1);
                long y = CHART_HEIGHT - 20 - values.get(w) * (CHART_HEIGHT - 40) / max;
                points.append(x).append(',').append(y).append(' ');
            }
            out.add(new Series(e.getKey(), COLOURS[i++ % COLOURS.length], points.toString().trim(), values.get(values.size() - 1)));
        }
        return out;
    }

    public long getChartMax() {
        return admin.growth(WEEKS).max();
    }

    public String getFirstWeek() {
        return LocalDate.now().minusWeeks(WEEKS - 1).toString();
    }

    private String actor() {
        return security.getCallerPrincipal() == null ? "system" : security.getCallerPrincipal().getName();
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public boolean isConsentObtained() {
        return consentObtained;
    }

    public void setConsentObtained(boolean consentObtained) {
        this.consentObtained = consentObtained;
    }

    public String getImportLanguage() {
        return importLanguage;
    }

    public void setImportLanguage(String importLanguage) {
        this.importLanguage = importLanguage;
    }
}
