package org.scriptorium.content.application;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.content.domain.Article;
import org.scriptorium.content.domain.ArticleRepository;
import org.scriptorium.content.domain.ArticleTranslation;
import org.scriptorium.content.domain.Category;
import org.scriptorium.content.domain.CategoryRepository;
import org.scriptorium.content.domain.SlugKind;
import org.scriptorium.content.domain.SlugRedirect;
import org.scriptorium.content.domain.SlugRedirectRepository;
import org.scriptorium.content.domain.Tag;
import org.scriptorium.content.domain.TagRepository;
import org.scriptorium.identity.application.Slugs;
import org.scriptorium.identity.application.UserService;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.identity.domain.User;

/**
 * Loads the demo magazine (categories, tags, authors and articles in several languages) from
 * {@code demo/} on the class path into an empty database, so that a fresh site shows what it can do.
 * It never touches a database that already has articles.
 */
@ApplicationScoped
public class DemoContent {

    static final List<String> LANGUAGES = List.of("it", "es", "en", "fr", "de", "pt");
    private static final Logger LOG = Logger.getLogger(DemoContent.class.getName());

    private ArticleRepository articles;
    private CategoryRepository categories;
    private TagRepository tags;
    private UserService users;
    private SlugRedirectRepository redirects;
    private MediaLibrary media;

    protected DemoContent() {
    }

    @Inject
    public DemoContent(ArticleRepository articles, CategoryRepository categories, TagRepository tags, UserService users,
                       SlugRedirectRepository redirects, MediaLibrary media) {
        this.articles = articles;
        this.categories = categories;
        this.tags = tags;
        this.users = users;
        this.redirects = redirects;
        this.media = media;
    }

    /** Loads the demo content if there is no article yet; returns the number of articles loaded. */
    @Transactional
    public int loadIfEmpty() {
        if (articles.count() > 0 || !categories.findTopLevel().isEmpty()) {
            return 0;
        }
        Map<String, Category> categoryByKey = new HashMap<>();
        Map<String, Tag> tagByKey = new HashMap<>();
        Map<String, User> authorByKey = new HashMap<>();
        Map<String, Article> articleByKey = new HashMap<>();
        int loaded = 0;
        int position = 0;
        for (String line : readLines("demo/site.txt")) {
            String[] f = line.split("\\s+\\|\\s+");
            String[] head = f[0].split("\\s+", 2);
            String kind = head[0];
            String key = head[1];
            switch (kind) {
                case "category" -> {
                    Category parent = "-".equals(f[1]) ? null : categoryByKey.get(f[1]);
                    Category c = new Category(parent, ++position);
                    for (int i = 0; i < LANGUAGES.size(); i++) {
                        c.name(LANGUAGES.get(i), f[2 + i], Slugs.of(f[2 + i]), null);
                    }
                    categoryByKey.put(key, categories.save(c));
                }
                case "tag" -> {
                    Tag t = new Tag();
                    for (int i = 0; i < LANGUAGES.size(); i++) {
                        t.name(LANGUAGES.get(i), f[1 + i], Slugs.of(f[1 + i]));
                    }
                    tagByKey.put(key, tags.save(t));
                }
                case "author" -> authorByKey.put(key, users.findByEmail(f[2]).orElseGet(() ->
                        users.createWithoutPassword(f[2], f[1], Set.of(Role.AUTHOR))));
                case "article" -> {
                    Article a = new Article(authorByKey.get(f[2]), f[1], Instant.parse(f[5]));
                    a.fileUnder(categoryByKey.get(f[3]));
                    for (String tagKey : f[4].split(",")) {
                        a.tag(tagByKey.get(tagKey.trim()));
                    }
                    if (f.length > 6) {
                        a.changeFeaturedImage(copyImage(f[6]));
                    }
                    addTranslations(a, key, Instant.parse(f[5]));
                    articleByKey.put(key, articles.save(a));
                    loaded++;
                }
                case "redirect" -> {
                    String[] target = key.split("\\s+", 2);
                    SlugKind slugKind = SlugKind.valueOf(target[0].toUpperCase(java.util.Locale.ROOT));
                    long id = switch (slugKind) {
                        case ARTICLE -> articleByKey.get(target[1]).translation(f[1]).orElseThrow().getId();
                        case CATEGORY -> categoryByKey.get(target[1]).getId();
                        case TAG -> tagByKey.get(target[1]).getId();
                    };
                    redirects.save(new SlugRedirect(slugKind, f[1], f[2], id, Instant.parse("2026-11-01T00:00:00Z")));
                }
                default -> throw new IllegalStateException("Unknown demo line: " + line);
            }
        }
        LOG.info(() -> "Demo content loaded: " + categoryByKey.size() + " categories, " + tagByKey.size() + " tags, "
                + authorByKey.size() + " authors, " + articles.count() + " articles.");
        return loaded;
    }

    private void addTranslations(Article article, String folder, Instant published) {
        String source = article.getSourceLanguage();
        List<String> order = new ArrayList<>();
        order.add(source);
        LANGUAGES.stream().filter(l -> !l.equals(source)).forEach(order::add);
        ArticleTranslation sourceTranslation = null;
        int step = 0;
        for (String lang : order) {
            List<String> lines = readLinesOrEmpty("demo/articles/" + folder + "/" + lang + ".html");
            if (lines.isEmpty()) {
                if (lang.equals(source)) {
                    throw new IllegalStateException("Demo article " + folder + " lacks its source text " + lang + ".html");
                }
                continue;
            }
            DemoFile file = DemoFile.parse(lines);
            Instant at = published.plus(Duration.ofHours(3L * step++));
            ArticleTranslation t = article.addTranslation(lang, file.header("title"), file.header("slug"), file.body(), at);
            t.edit(file.header("title"), file.header("excerpt"), file.body(), file.header("seo-title"),
                    file.header("seo-description"), at);
            if (article.getFeaturedImage().isPresent() && file.headers().containsKey("image-alt")) {
                t.describeImage(file.header("image-alt"));
            }
            if (sourceTranslation == null) {
                sourceTranslation = t;
            } else {
                t.translatedFrom(sourceTranslation);
            }
            t.publishAt(at, at);
        }
    }

    /** Copies a demo image into the media library; returns its site-relative URL. */
    private String copyImage(String name) {
        try (InputStream in = DemoContent.class.getClassLoader().getResourceAsStream("demo/images/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing demo image " + name);
            }
            return media.store(name, in);
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }

    /** One article file: {@code name: value} header lines, a {@code ---} line, then the HTML body. */
    record DemoFile(Map<String, String> headers, String body) {

        static DemoFile parse(List<String> lines) {
            Map<String, String> headers = new LinkedHashMap<>();
            int i = 0;
            for (; i < lines.size() && !lines.get(i).equals("---"); i++) {
                String line = lines.get(i);
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                }
            }
            String body = String.join("\n", lines.subList(Math.min(i + 1, lines.size()), lines.size())).trim();
            return new DemoFile(headers, body);
        }

        String header(String name) {
            String v = headers.get(name);
            if (v == null || v.isEmpty()) {
                throw new IllegalStateException("Demo article lacks '" + name + "'");
            }
            return v;
        }
    }

    private static List<String> readLines(String resource) {
        List<String> lines = readLinesOrEmpty(resource);
        if (lines.isEmpty()) {
            throw new IllegalStateException("Missing demo resource " + resource);
        }
        return lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    private static List<String> readLinesOrEmpty(String resource) {
        try (InputStream in = DemoContent.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
