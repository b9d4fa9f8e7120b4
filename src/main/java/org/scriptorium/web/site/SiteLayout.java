package org.scriptorium.web.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.scriptorium.content.application.ArticleView;
import org.scriptorium.content.application.AuthorListing;
import org.scriptorium.content.application.CategoryListing;
import org.scriptorium.content.application.NamedLink;
import org.scriptorium.content.application.Paged;
import org.scriptorium.content.application.ReadingService;
import org.scriptorium.content.application.TagListing;
import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.i18n.application.UiTexts;
import org.scriptorium.i18n.domain.SiteLanguage;
import org.scriptorium.platform.config.Settings;
import org.scriptorium.web.common.RequestLanguage;

/**
 * What the frame of every public page needs: the language switcher, the canonical URL, the hreflang
 * alternates, feed links, pagination links and the Open Graph / Twitter card data.
 *
 * <p>The "same page in other languages" is decided once per request from what the router found: an
 * article's published translations, a category's or tag's names per language, the languages an author
 * published in, or every language for a home page. The switcher leads there when it can and to that
 * language's home page otherwise, marked as a fallback; only real counterparts get hreflang, so alternates
 * are reciprocal. Pages after the first of a list carry no alternates (their counterparts may not exist).
 */
@Named("site")
@RequestScoped
public class SiteLayout {

    private static final Map<String, String> OG_LOCALES = Map.of("it", "it_IT", "es", "es_ES", "en", "en_GB", "fr", "fr_FR",
            "de", "de_DE", "pt", "pt_PT");

    @Inject
    private LanguageService languages;

    @Inject
    private RequestLanguage language;

    @Inject
    private HttpServletRequest request;

    @Inject
    private Settings settings;

    @Inject
    private UiTexts texts;

    /** One entry of the switcher; {@code translation} is false for a fallback to a home page. */
    public record LanguageLink(String code, String name, String href, boolean current, boolean translation) {
    }

    /** A {@code <link rel="alternate" hreflang>} entry. */
    public record Alternate(String hreflang, String href) {
    }

    /** A feed advertised in the page head. */
    public record FeedLink(String type, String title, String href) {
    }

    /** What social networks show of the page. */
    public record Meta(String title, String description, String type, String url, String image, String imageAlt,
                       String locale, String siteName) {
    }

    /** The page, resolved once per request. */
    private record Place(String path, Map<String, String> counterparts, Paged<?> paged, String feedPath) {
    }

    @Inject
    private ReadingService reading;

    private Place place;
    private List<SiteLanguage> enabled;
    private Meta meta;
    private List<NamedLink> sections;

    /** The top-level categories, for the site navigation. */
    public List<NamedLink> getSections() {
        if (sections == null) {
            sections = reading.topCategories(language.getCode());
        }
        return sections;
    }

    private List<SiteLanguage> enabled() {
        if (enabled == null) {
            enabled = languages.enabled();
        }
        return enabled;
    }

    private Place place() {
        if (place == null) {
            place = resolve();
        }
        return place;
    }

    private Place resolve() {
        String lang = language.getCode();
        Object listing = request.getAttribute(SiteRouter.LISTING);
        Map<String, String> counterparts = new LinkedHashMap<>();
        Set<String> codes = languages.enabledCodes();
        if (request.getAttribute(SiteRouter.ARTICLE) instanceof ArticleView a) {
            a.publishedSlugs().forEach((l, s) -> counterparts.put(l, "/" + l + "/" + s));
            return new Place("/" + lang + "/" + a.slug(), only(counterparts, codes), null, null);
        }
        if (listing instanceof CategoryListing c) {
            c.pathsByLanguage().forEach((l, p) -> counterparts.put(l, "/" + l + "/category/" + p));
            String path = "/" + lang + "/category/" + c.path();
            return new Place(path, firstPageOnly(c.articles(), only(counterparts, codes)), c.articles(), path + "/feed");
        }
        if (listing instanceof TagListing t) {
            t.slugsByLanguage().forEach((l, s) -> counterparts.put(l, "/" + l + "/tag/" + s));
            return new Place("/" + lang + "/tag/" + t.slug(), firstPageOnly(t.articles(), only(counterparts, codes)),
                    t.articles(), null);
        }
        if (listing instanceof AuthorListing au) {
            au.languages().forEach(l -> counterparts.put(l, "/" + l + "/author/" + au.slug()));
            return new Place("/" + lang + "/author/" + au.slug(), firstPageOnly(au.articles(), only(counterparts, codes)),
                    au.articles(), null);
        }
        if (request.getAttribute(SiteRouter.FIXED_PAGE) instanceof String page) {
            codes.forEach(l -> counterparts.put(l, "/" + l + "/" + page));
            return new Place("/" + lang + "/" + page, counterparts, null, null);
        }
        if (request.getAttribute(SiteRouter.HOME) != null) {
            codes.forEach(l -> counterparts.put(l, "/" + l + "/"));
            return new Place("/" + lang + "/", counterparts, null, null);
        }
        return new Place(null, Map.of(), null, null);
    }

    private static Map<String, String> only(Map<String, String> counterparts, Set<String> codes) {
        counterparts.keySet().retainAll(codes);
        return counterparts;
    }

    private static Map<String, String> firstPageOnly(Paged<?> paged, Map<String, String> counterparts) {
        return paged.page() == 1 ? counterparts : Map.of();
    }

    public String getHomeHref() {
        return request.getContextPath() + "/" + language.getCode() + "/";
    }

    public List<LanguageLink> getLanguages() {
        String current = language.getCode();
        Map<String, String> counterparts = place().counterparts();
        return enabled().stream().map(l -> {
            String code = l.getCode();
            String target = counterparts.get(code);
            boolean real = target != null;
            String href = request.getContextPath() + (real ? target + "?" + SiteRouter.SWITCH
                    : "/" + code + "/?" + SiteRouter.SWITCH + "=" + SiteRouter.FALLBACK);
            return new LanguageLink(code, l.getNativeName(), href, code.equals(current), real);
        }).toList();
    }

    /** The absolute canonical URL; null on pages that have none (not found, error). */
    public String getCanonical() {
        Place p = place();
        if (p.path() == null) {
            return null;
        }
        return settings.baseUrl() + pageHref(p.path(), p.paged() == null ? 1 : p.paged().page());
    }

    public List<Alternate> getAlternates() {
        Map<String, String> counterparts = place().counterparts();
        List<Alternate> alternates = new ArrayList<>();
        if (counterparts.isEmpty()) {
            return alternates;
        }
        counterparts.forEach((l, path) -> alternates.add(new Alternate(l, settings.baseUrl() + path)));
        if (request.getAttribute(SiteRouter.HOME) != null) {
            alternates.add(new Alternate("x-default", settings.baseUrl() + "/"));
        } else {
            String defaultCode = languages.defaultCode();
            String xDefault = counterparts.containsKey(defaultCode) ? defaultCode : counterparts.keySet().iterator().next();
            alternates.add(new Alternate("x-default", settings.baseUrl() + counterparts.get(xDefault)));
        }
        return alternates;
    }

    /** The link to another page of the current list ({@code ?page=N}, none for the first). */
    public String pageHref(int page) {
        return place().path() == null ? "" : request.getContextPath() + pageHref(place().path(), page);
    }

    private static String pageHref(String path, int page) {
        return page > 1 ? path + "?page=" + page : path;
    }

    /** The absolute URL of the previous page of the list, or null. */
    public String getPrevious() {
        Paged<?> paged = place().paged();
        return paged != null && paged.hasPrevious() ? settings.baseUrl() + pageHref(place().path(), paged.page() - 1) : null;
    }

    /** The absolute URL of the next page of the list, or null. */
    public String getNext() {
        Paged<?> paged = place().paged();
        return paged != null && paged.hasNext() ? settings.baseUrl() + pageHref(place().path(), paged.page() + 1) : null;
    }

    public List<FeedLink> getFeeds() {
        String lang = language.getCode();
        String site = settings.baseUrl() + "/" + lang + "/feed";
        String name = texts.msg(lang, "site.name");
        List<FeedLink> feeds = new ArrayList<>();
        feeds.add(new FeedLink("application/rss+xml", texts.msg(lang, "feed.rss", name), site));
        feeds.add(new FeedLink("application/atom+xml", texts.msg(lang, "feed.atom", name), site + "/atom"));
        if (place().feedPath() != null && request.getAttribute(SiteRouter.LISTING) instanceof CategoryListing c) {
            String category = settings.baseUrl() + place().feedPath();
            feeds.add(new FeedLink("application/rss+xml", texts.msg(lang, "feed.rss", c.name()), category));
            feeds.add(new FeedLink("application/atom+xml", texts.msg(lang, "feed.atom", c.name()), category + "/atom"));
        }
        return feeds;
    }

    public Meta getMeta() {
        if (meta == null) {
            meta = meta();
        }
        return meta;
    }

    private Meta meta() {
        String lang = language.getCode();
        String siteName = texts.msg(lang, "site.name");
        String locale = OG_LOCALES.getOrDefault(lang, lang);
        String url = getCanonical();
        Object listing = request.getAttribute(SiteRouter.LISTING);
        if (request.getAttribute(SiteRouter.ARTICLE) instanceof ArticleView a) {
            String title = a.seoTitle() == null || a.seoTitle().isBlank() ? a.title() : a.seoTitle();
            String description = a.seoDescription() == null || a.seoDescription().isBlank() ? a.excerpt() : a.seoDescription();
            return new Meta(title, description, "article", url, a.image() == null ? null : settings.baseUrl() + a.image(),
                    a.imageAlt(), locale, siteName);
        }
        if (listing instanceof CategoryListing c) {
            String description = c.description() == null || c.description().isBlank()
                    ? texts.msg(lang, "meta.category", c.name()) : c.description();
            return new Meta(c.name(), description, "website", url, null, null, locale, siteName);
        }
        if (listing instanceof TagListing t) {
            return new Meta(t.name(), texts.msg(lang, "meta.tag", t.name()), "website", url, null, null, locale, siteName);
        }
        if (listing instanceof AuthorListing au) {
            return new Meta(au.name(), texts.msg(lang, "meta.author", au.name()), "profile", url, null, null, locale, siteName);
        }
        return new Meta(siteName, texts.msg(lang, "site.tagline"), "website", url, null, null, locale, siteName);
    }

    /** The title of the browser tab: the page's own title, then the site name. */
    public String getTitle() {
        Meta meta = getMeta();
        return meta.title().equals(meta.siteName()) ? meta.siteName() : meta.title() + " · " + meta.siteName();
    }

    static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
