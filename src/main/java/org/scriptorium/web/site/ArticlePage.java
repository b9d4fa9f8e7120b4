package org.scriptorium.web.site;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.scriptorium.content.application.ArticleSummary;
import org.scriptorium.content.application.ArticleView;
import org.scriptorium.content.application.ReadingService;
import org.scriptorium.i18n.application.UiTexts;
import org.scriptorium.settings.application.SiteIdentity;
import org.scriptorium.platform.config.Settings;
import org.scriptorium.web.common.Json;

/**
 * An article page; the router has already found the article and put its view in the request. Adds what
 * the page shows around the text: related articles, more publications, share links and the JSON-LD.
 */
@Named
@RequestScoped
public class ArticlePage {

    private static final int RELATED = 4;
    private static final int MORE = 4;

    @Inject
    private HttpServletRequest request;

    @Inject
    private ReadingService reading;

    @Inject
    private Settings settings;

    @Inject
    private UiTexts texts;

    @Inject
    private SiteIdentity identity;

    private List<ArticleSummary> related;
    private List<ArticleSummary> more;

    /** A plain share link (no script): a label for screen readers and the visible network name. */
    public record ShareLink(String network, String label, String href) {
    }

    public ArticleView getArticle() {
        return (ArticleView) request.getAttribute(SiteRouter.ARTICLE);
    }

    public List<ArticleSummary> getRelated() {
        if (related == null) {
            related = reading.related(getArticle().articleId(), getArticle().language(), RELATED);
        }
        return related;
    }

    public List<ArticleSummary> getMore() {
        if (more == null) {
            more = reading.moreExcept(getArticle().articleId(), getArticle().language(), MORE);
        }
        return more;
    }

    private String url() {
        return settings.baseUrl() + "/" + getArticle().language() + "/" + getArticle().slug();
    }

    public List<ShareLink> getShareLinks() {
        ArticleView a = getArticle();
        String lang = a.language();
        String title = SiteLayout.encode(a.title());
        String url = SiteLayout.encode(url());
        return List.of(
                new ShareLink(texts.msg(lang, "share.email"), texts.msg(lang, "share.emailLabel"),
                        "mailto:?subject=" + title + "&body=" + url),
                new ShareLink("X", texts.msg(lang, "share.on", "X"),
                        "https://x.com/intent/tweet?text=" + title + "&url=" + url),
                new ShareLink("LinkedIn", texts.msg(lang, "share.on", "LinkedIn"),
                        "https://www.linkedin.com/sharing/share-offsite/?url=" + url),
                new ShareLink("Facebook", texts.msg(lang, "share.on", "Facebook"),
                        "https://www.facebook.com/sharer/sharer.php?u=" + url),
                new ShareLink("WhatsApp", texts.msg(lang, "share.on", "WhatsApp"),
                        "https://wa.me/?text=" + title + "%20" + url));
    }

    /** The schema.org NewsArticle of the page, safe to place inside a script element. */
    public String getJsonLd() {
        ArticleView a = getArticle();
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("headline", a.title());
        ld.put("description", a.excerpt());
        ld.put("inLanguage", a.language());
        ld.put("mainEntityOfPage", url());
        ld.put("url", url());
        ld.put("datePublished", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(a.publishedAt().atOffset(ZoneOffset.UTC)));
        ld.put("dateModified", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(a.updatedAt().atOffset(ZoneOffset.UTC)));
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("@type", "Person");
        author.put("name", a.authorName());
        if (!a.authorSlug().isEmpty()) {
            author.put("url", settings.baseUrl() + "/" + a.language() + "/author/" + a.authorSlug());
        }
        ld.put("author", author);
        if (a.image() != null) {
            ld.put("image", List.of(settings.baseUrl() + a.image()));
        }
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "Organization");
        publisher.put("name", identity.name(a.language()));
        publisher.put("url", settings.baseUrl() + "/");
        ld.put("publisher", publisher);
        if (!a.tags().isEmpty()) {
            ld.put("keywords", a.tags().stream().map(t -> t.name()).toList());
        }
        return Json.write(ld);
    }
}
