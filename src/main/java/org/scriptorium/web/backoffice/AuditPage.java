package org.scriptorium.web.backoffice;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.scriptorium.audit.application.AuditLog;
import org.scriptorium.audit.application.EntryPage;
import org.scriptorium.audit.domain.AuditQuery;
import org.scriptorium.web.common.Formats;

/**
 * The audit log at {@code /backoffice/audit} (ADMIN): newest first, 50 to a page, filtered by actor, kind of
 * action, text in the target or detail, and a range of days (in the site's time zone). The filters live in
 * the query string, so a filtered view can be bookmarked; a malformed date is ignored and said so.
 */
@Named
@RequestScoped
public class AuditPage {

    static final int PAGE_SIZE = 50;

    @Inject
    private AuditLog log;

    @Inject
    private HttpServletRequest request;

    private String actor;
    private String action;
    private String text;
    private String from;
    private String until;
    private boolean badDate;
    private EntryPage entries;

    @PostConstruct
    void load() {
        actor = param("actor");
        action = param("action");
        text = param("q");
        from = param("from");
        until = param("until");
        int page;
        try {
            page = Integer.parseInt(Optional.ofNullable(param("page")).orElse("1"));
        } catch (NumberFormatException e) {
            page = 1;
        }
        AuditQuery query = new AuditQuery(Optional.ofNullable(actor), Optional.ofNullable(action), Optional.ofNullable(text),
                day(from, 0), day(until, 1));
        entries = log.browse(query, page, PAGE_SIZE);
    }

    private Optional<Instant> day(String value, int plusDays) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value).plusDays(plusDays).atStartOfDay(Formats.SITE_ZONE).toInstant());
        } catch (DateTimeParseException e) {
            badDate = true;
            return Optional.empty();
        }
    }

    private String param(String name) {
        String v = request.getParameter(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    public EntryPage getEntries() {
        return entries;
    }

    public List<String> getActions() {
        return log.actions();
    }

    /** The address of another page with the same filters. */
    public String pageHref(int page) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("actor", actor);
        q.put("action", action);
        q.put("q", text);
        q.put("from", from);
        q.put("until", until);
        q.put("page", String.valueOf(page));
        return request.getContextPath() + "/backoffice/audit?" + q.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public boolean isBadDate() {
        return badDate;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getText() {
        return text;
    }

    public String getFrom() {
        return from;
    }

    public String getUntil() {
        return until;
    }
}
