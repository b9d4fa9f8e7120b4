package org.scriptorium.web.backoffice;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

import org.scriptorium.content.application.ArticleRow;
import org.scriptorium.content.application.Choice;
import org.scriptorium.content.application.EditorialException;
import org.scriptorium.content.application.EditorialService;
import org.scriptorium.content.application.Paged;
import org.scriptorium.content.domain.EditorialQuery;
import org.scriptorium.content.domain.PublicationStatus;
import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.i18n.domain.SiteLanguage;
import org.scriptorium.web.common.RequestLanguage;

/**
 * The back-office list of article translations: filters and order come from the query string (a GET form),
 * so a filtered list can be bookmarked and the back button works. What a user may see is decided by
 * {@link EditorialService}.
 */
@Named
@RequestScoped
public class ArticlesPage {

    static final int PAGE_SIZE = 20;

    @Inject
    private EditorialService editorial;

    @Inject
    private LanguageService languages;

    @Inject
    private SecurityContext security;

    @Inject
    private HttpServletRequest request;

    @Inject
    private RequestLanguage language;

    private String lang;
    private String status;
    private String category;
    private String author;
    private String text;
    private String sort;
    private Paged<ArticleRow> result;

    @PostConstruct
    void load() {
        lang = param("lang");
        status = param("status");
        category = param("category");
        author = param("author");
        text = param("q");
        sort = param("sort");
        int page = parseInt(param("page")).orElse(1);
        EditorialService.ArticleFilter filter = new EditorialService.ArticleFilter(
                Optional.of(lang).filter(languages::isEnabled),
                enumValue(PublicationStatus.class, status),
                parseLong(category), parseLong(author),
                Optional.of(text).filter(s -> !s.isBlank()),
                enumValue(EditorialQuery.Sort.class, sort).orElse(EditorialQuery.Sort.UPDATED));
        try {
            result = editorial.list(security.getCallerPrincipal().getName(), filter, page, PAGE_SIZE);
        } catch (EditorialException e) {
            result = new Paged<>(List.of(), 1, 1, 0);
        }
    }

    public Paged<ArticleRow> getResult() {
        return result;
    }

    public List<SiteLanguage> getLanguages() {
        return languages.enabled();
    }

    public List<PublicationStatus> getStatuses() {
        return List.of(PublicationStatus.values());
    }

    public List<Choice> getCategories() {
        return editorial.categoryChoices(language.getCode());
    }

    public List<Choice> getAuthors() {
        return editorial.authorChoices();
    }

    /** Where "new article" starts: in the user's language if they may write it, else their first language. */
    public String getNewArticleLanguage() {
        List<String> writable = editorial.writableLanguages(security.getCallerPrincipal().getName());
        return writable.contains(language.getCode()) ? language.getCode() : writable.stream().findFirst().orElse("");
    }

    public boolean isMayCreate() {
        return security.isCallerInRole("ADMIN") || security.isCallerInRole("EDITOR") || security.isCallerInRole("AUTHOR");
    }

    /** The list's address for another page, keeping the filters. */
    public String pageLink(int page) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("lang", lang);
        q.put("status", status);
        q.put("category", category);
        q.put("author", author);
        q.put("q", text);
        q.put("sort", sort);
        q.put("page", String.valueOf(page));
        return request.getContextPath() + "/backoffice/articles?" + q.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public String getLang() {
        return lang;
    }

    public String getStatus() {
        return status;
    }

    public String getCategory() {
        return category;
    }

    public String getAuthor() {
        return author;
    }

    public String getText() {
        return text;
    }

    public String getSort() {
        return sort;
    }

    private String param(String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip();
    }

    private static Optional<Integer> parseInt(String s) {
        try {
            return Optional.of(Integer.parseInt(s));
        } catch (NumberFormatException e) {
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

    private static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String name) {
        try {
            return Optional.of(Enum.valueOf(type, name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
