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
import org.scriptorium.settings.application.SiteIdentity;
import org.scriptorium.web.common.RequestLanguage;

/**
 * What the frame of every public page needs: the language switcher, the canonical URL, the hreflang
 * alternates, feed links, pagination links and the Open Graph / Twitter card data.
 *
 * <p>The "same page in other languages" is decided once per request from what the router found: an
 * article's published translations, a category's or tag's names per language, the languages an author
 * published in, or every language for a home page. The switcher leads there when it can and to that
 * language's home page otherwise, marked as a fallback; only real counterparts get hreflang, so alternates
 * are reciprocal. A later page of a list ({@code ?page=N}) has as alternates the same page number of the
 * list in the languages where it exists, so that they are reciprocal too; its switcher leads to the first
 * page of the list in every language where the list exists.
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

    @Inject
    private SiteIdentity identity;

    private String siteName;

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

    /**
     * The page, resolved once per request: its path (without page number), the same page in other languages
     * (the alternates), where the switcher leads in other languages, its list page and its feed.
     */
    private record Place(String path, Map<String, String> counterparts, Map<String, String> switchTargets,
                         Paged<?> paged, String feedPath) {
    }

    @Inject
    private ReadingService reading;

    private Place place;
    private List<SiteLanguage> enabled;
    private Meta meta;
    private List<NamedLink> sections;

    /** The site's name in the page's language, as set at {@code /backoffice/settings}. */
    public String getName() {
        if (siteName == null) {
            siteName = identity.name(language.getCode());
        }
        return siteName;
    }

    /** The site's tagline in the page's language. */
    public String getTagline() {
        return identity.tagline(language.getCode());
    }

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
            Map<String, String> same = only(counterparts, codes);
            return new Place("/" + lang + "/" + a.slug(), same, same, null, null);
        }
        if (listing instanceof CategoryListing c) {
            c.pathsByLanguage().forEach((l, p) -> counterparts.put(l, "/" + l + "/category/" + p));
            String path = "/" + lang + "/category/" + c.path();
            return listingPlace(path, counterparts, c.pageLanguages(), codes, c.articles(), path + "/feed");
        }
        if (listing instanceof TagListing t) {
            t.slugsByLanguage().forEach((l, s) -> counterparts.put(l, "/" + l + "/tag/" + s));
            return listingPlace("/" + lang + "/tag/" + t.slug(), counterparts, t.pageLanguages(), codes, t.articles(), null);
        }
        if (listing instanceof AuthorListing au) {
            au.languages().forEach(l -> counterparts.put(l, "/" + l + "/author/" + au.slug()));
            return listingPlace("/" + lang + "/author/" + au.slug(), counterparts, au.pageLanguages(), codes,
                    au.articles(), null);
        }
        if (request.getAttribute(SiteRouter.FIXED_PAGE) instanceof String page) {
            codes.forEach(l -> counterparts.put(l, "/" + l + "/" + page));
            return new Place("/" + lang + "/" + page, counterparts, counterparts, null, null);
        }
        if (request.getAttribute(SiteRouter.HOME) != null) {
            codes.forEach(l -> counterparts.put(l, "/" + l + "/"));
            return new Place("/" + lang + "/", counterparts, counterparts, null, null);
        }
        if (request.getAttribute(SiteRouter.SEARCH) != null) {
            codes.forEach(l -> counterparts.put(l, "/" + l + "/search"));
            return new Place("/" + lang + "/search", counterparts, counterparts, null, null);
        }
        return new Place(null, Map.of(), Map.of(), null, null);
    }

    /**
     * A list page: the switcher leads to the list's first page in each language, the alternates are this
     * page number of the list in the languages that have it, in the order of the enabled languages.
     */
    private static Place listingPlace(String path, Map<String, String> firstPages, Set<String> pageLanguages,
                                      Set<String> codes, Paged<?> paged, String feedPath) {
        Map<String, String> switchTargets = only(firstPages, codes);
        Map<String, String> samePage = new LinkedHashMap<>();
        for (String code : codes) {
            if (switchTargets.containsKey(code) && pageLanguages.contains(code)) {
                samePage.put(code, pageHref(switchTargets.get(code), paged.page()));
            }
        }
        return new Place(path, samePage, switchTargets, paged, feedPath);
    }

    private static Map<String, String> only(Map<String, String> counterparts, Set<String> codes) {
        counterparts.keySet().retainAll(codes);
        return counterparts;
    }

    public String getHomeHref() {
        return request.getContextPath() + "/" + language.getCode() + "/";
    }

    public List<LanguageLink> getLanguages() {
        String current = language.getCode();
        Map<String, String> counterparts = place().switchTargets();
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
        String name = getName();
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
        String siteName = getName();
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
        return new Meta(siteName, getTagline(), "website", url, null, null, locale, siteName);
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
