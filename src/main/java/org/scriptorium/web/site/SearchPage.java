package org.scriptorium.web.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.i18n.domain.SiteLanguage;
import org.scriptorium.search.application.FacetValue;
import org.scriptorium.search.application.SearchOrder;
import org.scriptorium.search.application.SearchRequest;
import org.scriptorium.search.application.SearchResults;
import org.scriptorium.search.application.SearchService;
import org.scriptorium.web.common.RequestLanguage;

/**
 * The public search page {@code /{lang}/search?q=}: a plain GET form, so every result page has an address
 * of its own and the view keeps no state. The query string carries the text ({@code q}), the scope
 * ({@code in=all} for every language), the facet filters ({@code category}, {@code year}), the order
 * ({@code sort=date}) and the page; values that are not what this page writes are ignored, never an error.
 */
@Named
@RequestScoped
public class SearchPage {

    /** Hits per page. */
    static final int SIZE = 10;
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern YEAR = Pattern.compile("[12][0-9]{3}");

    @Inject
    private HttpServletRequest request;

    @Inject
    private SearchService search;

    @Inject
    private RequestLanguage language;

    @Inject
    private LanguageService languages;

    private SearchResults results;
    private Map<String, String> languageNames;

    /** One facet value as a link that adds it to the search, or removes it when already chosen. */
    public record FacetLink(String label, long count, String href, boolean selected) {
    }

    private String param(String name) {
        String[] values = request.getParameterValues(name);
        return values == null || values.length == 0 || values[0] == null ? "" : values[0];
    }

    public String getQ() {
        String q = param("q");
        return q.length() > SearchRequest.MAX_LENGTH ? q.substring(0, SearchRequest.MAX_LENGTH) : q;
    }

    public boolean isAllLanguages() {
        return "all".equals(param("in"));
    }

    public String getSort() {
        return "date".equals(param("sort")) ? "date" : "relevance";
    }

    private Long category() {
        String value = param("category");
        return ID.matcher(value).matches() ? Long.valueOf(value) : null;
    }

    private Integer year() {
        String value = param("year");
        return YEAR.matcher(value).matches() ? Integer.valueOf(value) : null;
    }

    public boolean isHasQuery() {
        return !getQ().isBlank();
    }

    public SearchResults getResults() {
        if (results == null) {
            int page = Math.max(1, SiteRouter.page(request));
            results = search.search(new SearchRequest(getQ(), language.getCode(), isAllLanguages(), category(), year(),
                    "date".equals(getSort()) ? SearchOrder.DATE : SearchOrder.RELEVANCE, page, SIZE, false));
        }
        return results;
    }

    /** The address of this page. */
    public String getAction() {
        return request.getContextPath() + "/" + language.getCode() + "/search";
    }

    public List<FacetLink> getCategories() {
        Long chosen = category();
        return getResults().categories().stream().map(f -> link(f, "category",
                chosen != null && f.value().equals(chosen.toString()))).toList();
    }

    public List<FacetLink> getYears() {
        Integer chosen = year();
        return getResults().years().stream().map(f -> link(f, "year",
                chosen != null && f.value().equals(chosen.toString()))).toList();
    }

    private FacetLink link(FacetValue value, String name, boolean selected) {
        Map<String, String> params = current();
        if (selected) {
            params.remove(name);
        } else {
            params.put(name, value.value());
        }
        params.remove("page");
        return new FacetLink(value.label(), value.count(), href(params), selected);
    }

    /** The same search in the other order. */
    public String sortHref(String sort) {
        Map<String, String> params = current();
        if ("date".equals(sort)) {
            params.put("sort", "date");
        } else {
            params.remove("sort");
        }
        params.remove("page");
        return href(params);
    }

    /** The same search in every language. */
    public String getAllLanguagesHref() {
        Map<String, String> params = current();
        params.put("in", "all");
        params.remove("page");
        return href(params);
    }

    /** The same search on another page. */
    public String pageHref(int page) {
        Map<String, String> params = current();
        if (page > 1) {
            params.put("page", String.valueOf(page));
        } else {
            params.remove("page");
        }
        return href(params);
    }

    /** The native name of a language, to label hits when searching all languages. */
    public String languageName(String code) {
        if (languageNames == null) {
            languageNames = new LinkedHashMap<>();
            for (SiteLanguage l : languages.enabled()) {
                languageNames.put(l.getCode(), l.getNativeName());
            }
        }
        return languageNames.getOrDefault(code, code);
    }

    private Map<String, String> current() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", getQ());
        if (isAllLanguages()) {
            params.put("in", "all");
        }
        if (category() != null) {
            params.put("category", category().toString());
        }
        if (year() != null) {
            params.put("year", year().toString());
        }
        if ("date".equals(getSort())) {
            params.put("sort", "date");
        }
        if (getResults().page() > 1) {
            params.put("page", String.valueOf(getResults().page()));
        }
        return params;
    }

    private String href(Map<String, String> params) {
        StringBuilder href = new StringBuilder(getAction());
        char separator = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            href.append(separator).append(e.getKey()).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return href.toString();
    }
}
