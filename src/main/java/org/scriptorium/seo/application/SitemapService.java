package org.scriptorium.seo.application;

import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.platform.config.Settings;
import org.scriptorium.seo.domain.SitemapUrl;

/**
 * What the site tells crawlers: {@code /robots.txt}, the sitemap index {@code /sitemap.xml} and one sitemap
 * per enabled language {@code /sitemap-{lang}.xml} (sitemaps.org 0.9 with {@code xhtml:link} hreflang
 * alternates). Every address is absolute, built on the configured public base URL.
 *
 * <p>The pages listed come from the {@link SitemapSource} beans, so a new kind of page (categories,
 * authors) joins the sitemaps by adding a source. Documents are built on request; the page cache keeps
 * them until content changes.
 */
@ApplicationScoped
public class SitemapService {

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String XHTML_NS = "http://www.w3.org/1999/xhtml";

    private Supplier<List<SitemapSource>> sources;
    private LanguageService languages;
    private String baseUrl;

    protected SitemapService() {
    }

    @Inject
    public SitemapService(@Any Instance<SitemapSource> sources, LanguageService languages, Settings settings) {
        this(() -> sources.stream().toList(), languages, settings.baseUrl());
    }

    public SitemapService(Supplier<List<SitemapSource>> sources, LanguageService languages, String baseUrl) {
        this.sources = sources;
        this.languages = languages;
        this.baseUrl = baseUrl;
    }

    /** The robots.txt: everything may be crawled but the back office; where the sitemap is. */
    public String robots() {
        return "User-agent: *\nAllow: /\nDisallow: /backoffice/\n\nSitemap: " + baseUrl + "/sitemap.xml\n";
    }

    /** The address of a language's sitemap. */
    public String sitemapLocation(String language) {
        return baseUrl + "/sitemap-" + language + ".xml";
    }

    /** The pages of a language's sitemap, in source order; empty when the language is not enabled. */
    public Optional<List<SitemapUrl>> urls(String language) {
        List<String> enabled = List.copyOf(languages.enabledCodes());
        if (!enabled.contains(language)) {
            return Optional.empty();
        }
        SitemapContext context = new SitemapContext(language, enabled, languages.defaultCode());
        List<SitemapUrl> urls = new ArrayList<>();
        sources.get().stream().sorted(Comparator.comparingInt(SitemapSource::order))
                .forEach(source -> urls.addAll(source.urls(context)));
        return Optional.of(urls);
    }

    /** The sitemap index: one entry per enabled language, with the newest change in it. */
    public String index() {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = start(out);
            xml.writeStartElement("sitemapindex");
            xml.writeDefaultNamespace(SITEMAP_NS);
            for (String language : languages.enabledCodes()) {
                xml.writeStartElement("sitemap");
                element(xml, "loc", sitemapLocation(language));
                Optional<Instant> newest = urls(language).orElse(List.of()).stream()
                        .flatMap(u -> u.lastModified().stream()).max(Comparator.naturalOrder());
                if (newest.isPresent()) {
                    element(xml, "lastmod", w3c(newest.get()));
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** A language's sitemap, or empty when the language is not enabled. */
    public Optional<String> sitemap(String language) {
        List<String> enabled = List.copyOf(languages.enabledCodes());
        return urls(language).map(urls -> urlset(urls, enabled));
    }

    private String urlset(List<SitemapUrl> urls, List<String> enabled) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = start(out);
            xml.setPrefix("xhtml", XHTML_NS);
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(SITEMAP_NS);
            xml.writeNamespace("xhtml", XHTML_NS);
            for (SitemapUrl url : urls) {
                xml.writeStartElement("url");
                element(xml, "loc", baseUrl + url.path());
                if (url.lastModified().isPresent()) {
                    element(xml, "lastmod", w3c(url.lastModified().get()));
                }
                for (Map.Entry<String, String> alternate : hreflangOrder(url.alternates(), enabled)) {
                    xml.writeEmptyElement("xhtml", "link", XHTML_NS);
                    xml.writeAttribute("rel", "alternate");
                    xml.writeAttribute("hreflang", alternate.getKey());
                    xml.writeAttribute("href", baseUrl + alternate.getValue());
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** Languages in the site's order, x-default last. */
    private static List<Map.Entry<String, String>> hreflangOrder(Map<String, String> alternates, List<String> enabled) {
        List<Map.Entry<String, String>> ordered = new ArrayList<>();
        for (String code : enabled) {
            if (alternates.containsKey(code)) {
                ordered.add(Map.entry(code, alternates.get(code)));
            }
        }
        alternates.entrySet().stream().filter(e -> !ordered.contains(e)).sorted(Map.Entry.comparingByKey())
                .forEach(ordered::add);
        return ordered;
    }

    private static XMLStreamWriter start(StringWriter out) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        return xml;
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static String w3c(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
