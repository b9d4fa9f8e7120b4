package org.scriptorium.web.backoffice;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.i18n.domain.SiteLanguage;
import org.scriptorium.search.application.IndexMaintenance;
import org.scriptorium.search.application.RebuildProgress;
import org.scriptorium.search.application.SearchOrder;
import org.scriptorium.search.application.SearchRequest;
import org.scriptorium.search.application.SearchResults;
import org.scriptorium.search.application.SearchService;

/**
 * The back office's search page {@code /backoffice/search} (ADMIN and EDITOR): full-text search over every
 * translation whatever its status, drafts included, with links to the editor; and, for administrators,
 * rebuilding the search index with a progress bar that the page polls from {@link IndexProgressFeed}.
 */
@Named
@RequestScoped
public class SearchConsole {

    private static final int SIZE = 20;

    @Inject
    private HttpServletRequest request;

    @Inject
    private SearchService search;

    @Inject
    private IndexMaintenance maintenance;

    @Inject
    private LanguageService languages;

    @Inject
    private SecurityContext security;

    private SearchResults results;

    private String param(String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }

    public String getQ() {
        String q = param("q");
        return q.length() > SearchRequest.MAX_LENGTH ? q.substring(0, SearchRequest.MAX_LENGTH) : q;
    }

    /** The language filter, empty for all languages. */
    public String getLang() {
        String lang = param("lang");
        return languages.isEnabled(lang) ? lang : "";
    }

    public List<SiteLanguage> getLanguages() {
        return languages.enabled();
    }

    public int getPage() {
        try {
            return Math.max(1, Math.min(10_000, Integer.parseInt(param("page"))));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public SearchResults getResults() {
        if (results == null) {
            boolean all = getLang().isEmpty();
            results = search.search(new SearchRequest(getQ(), all ? languages.defaultCode() : getLang(), all, null, null,
                    SearchOrder.RELEVANCE, getPage(), SIZE, true));
        }
        return results;
    }

    /** The same search on another page. */
    public String pageHref(int page) {
        return request.getContextPath() + "/backoffice/search?q=" + URLEncoder.encode(getQ(), StandardCharsets.UTF_8)
                + "&lang=" + getLang() + "&page=" + page;
    }

    public boolean isMayRebuild() {
        return security.isCallerInRole("ADMIN");
    }

    public RebuildProgress getProgress() {
        return maintenance.progress();
    }

    /** Starts a rebuild (administrators only) and shows the page again with the progress bar running. */
    public String rebuild() {
        if (!isMayRebuild()) {
            return null;
        }
        boolean started = maintenance.startRebuild(security.getCallerPrincipal().getName());
        return "/backoffice/search.xhtml?faces-redirect=true&rebuild=" + (started ? "started" : "running");
    }
}
