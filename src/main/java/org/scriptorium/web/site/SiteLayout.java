package org.scriptorium.web.site;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.scriptorium.content.application.ArticleView;
import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.platform.config.Settings;
import org.scriptorium.web.common.RequestLanguage;

/**
 * What the frame of every public page needs: the language switcher, the canonical URL and the hreflang
 * alternates. On an article the switcher leads to the same article's published translations; a language
 * without one leads to its home page and is marked as such, and only real translations get hreflang.
 */
@Named("site")
@RequestScoped
public class SiteLayout {

    @Inject
    private LanguageService languages;

    @Inject
    private RequestLanguage language;

    @Inject
    private HttpServletRequest request;

    @Inject
    private Settings settings;

    /** One entry of the switcher. */
    public record LanguageLink(String code, String name, String href, boolean current, boolean translation) {
    }

    /** A {@code <link rel="alternate" hreflang>} entry. */
    public record Alternate(String hreflang, String href) {
    }

    private ArticleView article() {
        return request.getAttribute(SiteRouter.ARTICLE) instanceof ArticleView a ? a : null;
    }

    public String getHomeHref() {
        return request.getContextPath() + "/" + language.getCode() + "/";
    }

    public List<LanguageLink> getLanguages() {
        ArticleView article = article();
        String current = language.getCode();
        return languages.enabled().stream().map(l -> {
            String code = l.getCode();
            if (article != null && article.publishedSlugs().containsKey(code)) {
                return new LanguageLink(code, l.getNativeName(),
                        request.getContextPath() + "/" + code + "/" + article.publishedSlugs().get(code),
                        code.equals(current), true);
            }
            return new LanguageLink(code, l.getNativeName(), request.getContextPath() + "/" + code + "/",
                    code.equals(current), article == null);
        }).toList();
    }

    public String getCanonical() {
        ArticleView article = article();
        String lang = language.getCode();
        return settings.baseUrl() + "/" + lang + "/" + (article == null ? "" : article.slug());
    }

    public List<Alternate> getAlternates() {
        ArticleView article = article();
        if (article == null) {
            List<Alternate> homes = new java.util.ArrayList<>(languages.enabled().stream()
                    .map(l -> new Alternate(l.getCode(), settings.baseUrl() + "/" + l.getCode() + "/")).toList());
            homes.add(new Alternate("x-default", settings.baseUrl() + "/"));
            return homes;
        }
        List<Alternate> alternates = new java.util.ArrayList<>();
        for (Map.Entry<String, String> e : article.publishedSlugs().entrySet()) {
            alternates.add(new Alternate(e.getKey(), settings.baseUrl() + "/" + e.getKey() + "/" + e.getValue()));
        }
        String defaultCode = languages.defaultCode();
        String xDefault = article.publishedSlugs().containsKey(defaultCode) ? defaultCode : article.language();
        alternates.add(new Alternate("x-default",
                settings.baseUrl() + "/" + xDefault + "/" + article.publishedSlugs().get(xDefault)));
        return alternates;
    }
}
