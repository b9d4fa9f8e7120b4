package org.scriptorium.web.site;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import org.scriptorium.content.application.ArticleSummary;
import org.scriptorium.content.application.CategoryListing;
import org.scriptorium.content.application.ReadingService;
import org.scriptorium.i18n.application.UiTexts;
import org.scriptorium.settings.application.SiteIdentity;
import org.scriptorium.platform.config.Settings;

/**
 * The RSS 2.0 and Atom 1.0 feeds of a language and of a category, written with ROME. Every link is absolute,
 * built on the configured public address, because feed readers fetch from elsewhere.
 */
@ApplicationScoped
public class Feeds {

    @Inject
    private ReadingService reading;

    @Inject
    private Settings settings;

    @Inject
    private UiTexts texts;

    @Inject
    private SiteIdentity identity;

    /** The newest articles of a language. */
    public void site(String lang, boolean atom, HttpServletResponse response) throws IOException {
        String page = settings.baseUrl() + "/" + lang + "/";
        SyndFeed feed = feed(lang, identity.name(lang), identity.tagline(lang), page,
                page + "feed" + (atom ? "/atom" : ""), atom, reading.latest(lang, 0, SiteRouter.FEED_SIZE));
        write(feed, response);
    }

    /** The newest articles of a category and its subcategories. */
    public void category(String lang, CategoryListing category, boolean atom, HttpServletResponse response) throws IOException {
        String page = settings.baseUrl() + "/" + lang + "/category/" + category.path();
        SyndFeed feed = feed(lang, category.name() + " · " + identity.name(lang),
                texts.msg(lang, "meta.category", category.name()), page, page + "/feed" + (atom ? "/atom" : ""), atom,
                category.articles().items());
        write(feed, response);
    }

    private SyndFeed feed(String lang, String title, String description, String page, String self, boolean atom,
                          List<ArticleSummary> articles) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(atom ? "atom_1.0" : "rss_2.0");
        feed.setTitle(title);
        feed.setDescription(description);
        feed.setLink(page);
        feed.setUri(self);
        feed.setLanguage(lang);
        SyndLink selfLink = new SyndLinkImpl();
        selfLink.setRel("self");
        selfLink.setHref(self);
        SyndLink alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setType("text/html");
        alternate.setHref(page);
        feed.setLinks(List.of(alternate, selfLink));
        feed.setPublishedDate(articles.isEmpty() ? new Date(0) : Date.from(articles.get(0).publishedAt()));
        List<SyndEntry> entries = new ArrayList<>();
        for (ArticleSummary a : articles) {
            String url = settings.baseUrl() + "/" + a.language() + "/" + a.slug();
            SyndEntry entry = new SyndEntryImpl();
            entry.setTitle(a.title());
            entry.setLink(url);
            entry.setUri(url);
            entry.setPublishedDate(Date.from(a.publishedAt()));
            entry.setUpdatedDate(Date.from(a.publishedAt()));
            SyndPerson author = new SyndPersonImpl();
            author.setName(a.authorName());
            if (!a.authorSlug().isEmpty()) {
                author.setUri(settings.baseUrl() + "/" + a.language() + "/author/" + a.authorSlug());
            }
            entry.setAuthors(List.of(author));
            entry.setAuthor(a.authorName());
            SyndContent summary = new SyndContentImpl();
            summary.setType("text/plain");
            summary.setValue(a.excerpt() == null ? "" : a.excerpt());
            entry.setDescription(summary);
            entries.add(entry);
        }
        feed.setEntries(entries);
        return feed;
    }

    private static void write(SyndFeed feed, HttpServletResponse response) throws IOException {
        boolean atom = feed.getFeedType().startsWith("atom");
        response.setContentType((atom ? "application/atom+xml" : "application/rss+xml") + "; charset=UTF-8");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        try (Writer out = response.getWriter()) {
            new SyndFeedOutput().output(feed, out);
        } catch (FeedException e) {
            throw new IOException("Feed could not be written", e);
        }
    }
}
