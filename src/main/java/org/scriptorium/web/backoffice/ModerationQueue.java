package org.scriptorium.web.backoffice;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

import org.scriptorium.spam.application.AkismetGateway;
import org.scriptorium.comments.application.CommentService;
import org.scriptorium.comments.application.ModerationAction;
import org.scriptorium.comments.application.ModerationRefused;
import org.scriptorium.comments.application.QueueRow;
import org.scriptorium.comments.domain.CommentQuery;
import org.scriptorium.comments.domain.CommentStatus;
import org.scriptorium.content.application.Paged;
import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.i18n.domain.SiteLanguage;

/**
 * The moderation queue at {@code /backoffice/comments} (MODERATOR, EDITOR, ADMIN): one tab per status with
 * its count, filters by language, article and text in the query string, and bulk actions on the selected
 * comments (or on every comment the filters find). Each action redirects back to the same filtered tab
 * with the number of comments it changed.
 */
@Named
@RequestScoped
public class ModerationQueue {

    static final int PAGE_SIZE = 25;

    @Inject
    private CommentService comments;

    @Inject
    private AkismetGateway akismet;

    @Inject
    private LanguageService languages;

    @Inject
    private SecurityContext security;

    @Inject
    private HttpServletRequest request;

    private CommentStatus tab;
    private String lang;
    private String article;
    private String text;
    private Paged<QueueRow> result;
    private Map<String, Long> counts;
    private String refusal;

    @PostConstruct
    void load() {
        tab = parseStatus(param("tab")).orElse(CommentStatus.PENDING);
        lang = param("lang");
        article = param("article");
        text = param("q");
    }

    private CommentQuery query() {
        return new CommentQuery(tab, Optional.of(lang).filter(languages::isEnabled), parseLong(article),
                Optional.of(text).filter(s -> !s.isBlank()));
    }

    public Paged<QueueRow> getResult() {
        if (result == null) {
            int page = parseLong(param("page")).map(Long::intValue).orElse(1);
            try {
                result = comments.queue(caller(), query(), page, PAGE_SIZE);
            } catch (ModerationRefused e) {
                refusal = e.messageKey();
                result = new Paged<>(List.of(), 1, 1, 0);
            }
        }
        return result;
    }

    public String getRefusal() {
        getResult();
        return refusal == null ? "" : refusal;
    }

    public Map<String, Long> getCounts() {
        if (counts == null) {
            counts = new LinkedHashMap<>();
            comments.counts().forEach((k, v) -> counts.put(k.name(), v));
        }
        return counts;
    }

    public List<CommentStatus> getTabs() {
        return List.of(CommentStatus.values());
    }

    public boolean isAkismetActive() {
        return akismet.isActive();
    }

    /** Comments received and spam in the last 30 days. */
    public long getLast30Days() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return comments.perDay(today.minusDays(29), today, Optional.empty()).values().stream().mapToLong(Long::longValue).sum();
    }

    public long getSpamLast30Days() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return comments.perDay(today.minusDays(29), today, Optional.of(CommentStatus.SPAM)).values().stream()
                .mapToLong(Long::longValue).sum();
    }

    public List<SiteLanguage> getLanguages() {
        return languages.enabled();
    }

    public String approve() throws IOException {
        return act(ModerationAction.APPROVE);
    }

    public String unapprove() throws IOException {
        return act(ModerationAction.UNAPPROVE);
    }

    public String spam() throws IOException {
        return act(ModerationAction.SPAM);
    }

    public String notSpam() throws IOException {
        return act(ModerationAction.NOT_SPAM);
    }

    public String trash() throws IOException {
        return act(ModerationAction.TRASH);
    }

    public String delete() throws IOException {
        return act(ModerationAction.DELETE);
    }

    private String act(ModerationAction action) throws IOException {
        String[] selected = request.getParameterValues("selected");
        List<Long> ids = new ArrayList<>();
        if (selected != null) {
            for (String s : selected) {
                parseLong(s).ifPresent(ids::add);
            }
        }
        int changed;
        try {
            changed = "1".equals(request.getParameter("all")) ? comments.moderateAll(caller(), action, query())
                    : comments.moderate(caller(), action, ids);
        } catch (ModerationRefused e) {
            refusal = e.messageKey();
            return null;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(link(tab, null) + "&done=" + changed + "&action=" + action.name());
        return null;
    }

    /** The queue's address for a tab (and a page), keeping the filters. */
    public String link(CommentStatus status, Integer page) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("tab", status.name());
        q.put("lang", lang);
        q.put("article", article);
        q.put("q", text);
        if (page != null && page > 1) {
            q.put("page", String.valueOf(page));
        }
        return request.getContextPath() + "/backoffice/comments?" + q.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The current tab filtered to one article's comments, keeping the other filters. */
    public String articleLink(long articleId) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("tab", tab.name());
        q.put("lang", lang);
        q.put("article", String.valueOf(articleId));
        q.put("q", text);
        return request.getContextPath() + "/backoffice/comments?" + q.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public String pageLink(int page) {
        return link(tab, page);
    }

    public CommentStatus getTab() {
        return tab;
    }

    public String getLang() {
        return lang;
    }

    public String getArticle() {
        return article;
    }

    public String getText() {
        return text;
    }

    /** How many comments the last action changed, from the redirect. */
    public Integer getDone() {
        return param("done").matches("[0-9]{1,6}") ? Integer.valueOf(param("done")) : null;
    }

    private String caller() {
        return security.getCallerPrincipal() == null ? "" : security.getCallerPrincipal().getName();
    }

    private String param(String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip();
    }

    private static Optional<CommentStatus> parseStatus(String s) {
        try {
            return Optional.of(CommentStatus.valueOf(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> parseLong(String s) {
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
