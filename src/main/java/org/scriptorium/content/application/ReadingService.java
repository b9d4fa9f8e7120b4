package org.scriptorium.content.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.content.domain.Article;
import org.scriptorium.content.domain.ArticleRepository;
import org.scriptorium.content.domain.ArticleTranslation;
import org.scriptorium.content.domain.Category;
import org.scriptorium.content.domain.CategoryRepository;
import org.scriptorium.content.domain.SlugKind;
import org.scriptorium.content.domain.SlugRedirectRepository;
import org.scriptorium.content.domain.Tag;
import org.scriptorium.content.domain.TagRepository;
import org.scriptorium.identity.domain.User;

/**
 * What readers may see: published translations only, as read-only views. Nothing returned here is an
 * entity, so the public site cannot change content or trigger lazy loading while rendering.
 *
 * <p>Addresses are resolved here too: a slug or category path in a language answers with what it shows,
 * with where it moved (old slugs are kept as {@link org.scriptorium.content.domain.SlugRedirect}s), or
 * with nothing; a page number past the end of a list is nothing as well.
 */
@ApplicationScoped
@Transactional
public class ReadingService {

    /** Words a reader gets through in a minute, for the reading time. */
    static final int WORDS_PER_MINUTE = 200;

    private ArticleRepository articles;
    private CategoryRepository categories;
    private TagRepository tags;
    private SlugRedirectRepository redirects;
    private Clock clock;
    private RelatedArticles similar = RelatedArticles.NONE;
    private ReadingMemo memo = ReadingMemo.off();

    protected ReadingService() {
    }

    /**
     * Without a source of similar articles (related articles come from categories and tags only) and
     * without a memo (every answer comes from the database).
     */
    public ReadingService(ArticleRepository articles, CategoryRepository categories, TagRepository tags,
                          SlugRedirectRepository redirects, Clock clock) {
        this(articles, categories, tags, redirects, clock, RelatedArticles.NONE, ReadingMemo.off());
    }

    @Inject
    public ReadingService(ArticleRepository articles, CategoryRepository categories, TagRepository tags,
                          SlugRedirectRepository redirects, Clock clock, RelatedArticles similar, ReadingMemo memo) {
        this.articles = articles;
        this.categories = categories;
        this.tags = tags;
        this.redirects = redirects;
        this.clock = clock;
        this.similar = similar;
        this.memo = memo;
    }

    /** A page of the latest published articles in a language. */
    public List<ArticleSummary> latest(String language, int offset, int limit) {
        return memo.answer(key("latest", language, offset, limit),
                () -> computeLatest(language, offset, limit), a -> true);
    }

    private List<ArticleSummary> computeLatest(String language, int offset, int limit) {
        return articles.findPublished(language, clock.instant(), offset, limit).stream()
                .map(ReadingService::summary).toList();
    }

    public long countPublished(String language) {
        return articles.countPublished(language, clock.instant());
    }

    /** The front page: the lead story, the next newest articles, and the newest of each top-level category. */
    public HomeView home(String language, int latestCount, int perSection) {
        return memo.answer(key("home", language, latestCount, perSection),
                () -> computeHome(language, latestCount, perSection), h -> true);
    }

    private HomeView computeHome(String language, int latestCount, int perSection) {
        Instant now = clock.instant();
        List<ArticleSummary> newest = latest(language, 0, latestCount + 1);
        List<HomeView.Section> sections = new ArrayList<>();
        for (Category top : categories.findTopLevel()) {
            Optional<List<NamedLink>> lineage = lineage(top, language);
            if (lineage.isEmpty()) {
                continue;
            }
            List<ArticleSummary> inside = articles.findPublishedInCategories(language, subtree(top), now, 0, perSection)
                    .stream().map(ReadingService::summary).toList();
            if (!inside.isEmpty()) {
                sections.add(new HomeView.Section(lineage.get().get(0), inside));
            }
        }
        return new HomeView(language, newest.isEmpty() ? null : newest.get(0),
                newest.isEmpty() ? List.of() : newest.subList(1, newest.size()), sections);
    }

    /** The top-level categories named in a language, linked by their paths, in their order. */
    public List<NamedLink> topCategories(String language) {
        return memo.answer(key("topCategories", language), () -> computeTopCategories(language), l -> true);
    }

    private List<NamedLink> computeTopCategories(String language) {
        return categories.findTopLevel().stream().flatMap(c -> lineage(c, language).stream()).map(l -> l.get(0)).toList();
    }

    /** The article a slug answers to in a language, or where it moved, or nothing. */
    public ArticleLookup article(String language, String slug) {
        return memo.answer(key("article", language, slug),
                () -> computeArticle(language, slug), a -> !(a instanceof ArticleLookup.Missing));
    }

    private ArticleLookup computeArticle(String language, String slug) {
        Instant now = clock.instant();
        var found = articles.findTranslationBySlug(language, slug).filter(t -> t.isVisibleAt(now));
        if (found.isPresent()) {
            return new ArticleLookup.Found(view(found.get(), now));
        }
        return redirects.find(SlugKind.ARTICLE, language, slug)
                .flatMap(r -> articles.findTranslationById(r.getTargetId()))
                .filter(t -> t.isVisibleAt(now) && !t.getSlug().equals(slug))
                .<ArticleLookup>map(t -> new ArticleLookup.Moved(t.getSlug()))
                .orElseGet(ArticleLookup.Missing::new);
    }

    /**
     * The id of the translation published at this slug now, without building its page: what a form posted to
     * an article needs when it succeeds (the page is built only to answer with errors).
     */
    public Optional<Long> visibleTranslationId(String language, String slug) {
        return memo.answer(key("visibleTranslationId", language, slug),
                () -> computeVisibleTranslationId(language, slug), Optional::isPresent);
    }

    private Optional<Long> computeVisibleTranslationId(String language, String slug) {
        Instant now = clock.instant();
        return articles.findTranslationBySlug(language, slug).filter(t -> t.isVisibleAt(now))
                .map(ArticleTranslation::getId);
    }

    /**
     * Articles like this one in the same language, never the article itself: first those whose text is most
     * similar ({@link RelatedArticles}), then, when those are too few, those sharing its category or tags.
     */
    public List<ArticleSummary> related(long articleId, String language, int limit) {
        return memo.answer(key("related", articleId, language, limit),
                () -> computeRelated(articleId, language, limit), l -> true);
    }

    private List<ArticleSummary> computeRelated(long articleId, String language, int limit) {
        Instant now = clock.instant();
        List<ArticleSummary> found = new ArrayList<>();
        Set<Long> seen = new HashSet<>(List.of(articleId));
        List<Long> alike = similar.like(articleId, language, limit);
        Map<Long, ArticleTranslation> visible = new HashMap<>();
        for (ArticleTranslation t : articles.findPublishedOf(language, alike, now)) {
            visible.put(t.getArticle().getId(), t);
        }
        for (long id : alike) {
            ArticleTranslation t = visible.get(id);
            if (t != null && found.size() < limit && seen.add(id)) {
                found.add(summary(t));
            }
        }
        if (found.size() < limit) {
            for (ArticleSummary s : sharingCategoryOrTags(articleId, language, limit + found.size())) {
                if (found.size() < limit && seen.add(s.articleId())) {
                    found.add(s);
                }
            }
        }
        return found;
    }

    /**
     * Articles sharing this one's category or tags in the same language, ranked by what they share (the
     * category counts twice as much as a tag), newest first among equals. Never the article itself.
     */
    List<ArticleSummary> sharingCategoryOrTags(long articleId, String language, int limit) {
        Instant now = clock.instant();
        Optional<Article> article = articles.findById(articleId);
        if (article.isEmpty()) {
            return List.of();
        }
        Set<Long> categoryIds = ids(article.get().getCategories().stream().map(Category::getId).toList());
        Set<Long> tagIds = ids(article.get().getTags().stream().map(Tag::getId).toList());
        if (categoryIds.isEmpty() && tagIds.isEmpty()) {
            return List.of();
        }
        List<ArticleTranslation> candidates = articles.findPublishedSharingCategoryOrTag(language, articleId,
                orNone(categoryIds), orNone(tagIds), now, 50);
        record Scored(ArticleTranslation translation, int score, int order) {
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Article other = candidates.get(i).getArticle();
            int score = 2 * (int) other.getCategories().stream().filter(c -> categoryIds.contains(c.getId())).count()
                    + (int) other.getTags().stream().filter(t -> tagIds.contains(t.getId())).count();
            scored.add(new Scored(candidates.get(i), score, i));
        }
        return scored.stream()
                .sorted(Comparator.comparingInt(Scored::score).reversed().thenComparingInt(Scored::order))
                .limit(limit).map(s -> summary(s.translation())).toList();
    }

    /** The newest articles in a language other than the given one. */
    public List<ArticleSummary> moreExcept(long articleId, String language, int limit) {
        return latest(language, 0, limit + 1).stream().filter(a -> a.articleId() != articleId).limit(limit).toList();
    }

    /**
     * The category at a path (its slugs in a language, top-level first) with one page of its articles and
     * those of its subcategories. A path using an old slug anywhere answers with the current path.
     */
    public Lookup<CategoryListing> category(String language, List<String> path, int page, int size) {
        return memo.answer(key("category", language, List.copyOf(path), page, size),
                () -> computeCategory(language, path, page, size), l -> !(l instanceof Lookup.Missing));
    }

    private Lookup<CategoryListing> computeCategory(String language, List<String> path, int page, int size) {
        if (path.isEmpty()) {
            return new Lookup.Missing<>();
        }
        Optional<Category> found = categoryBySlug(language, path.get(path.size() - 1));
        if (found.isEmpty()) {
            return new Lookup.Missing<>();
        }
        Category category = found.get();
        Optional<List<NamedLink>> lineage = lineage(category, language);
        if (lineage.isEmpty()) {
            return new Lookup.Missing<>();
        }
        List<Category> chain = category.lineage();
        List<String> current = chain.stream().map(c -> c.translation(language).orElseThrow().getSlug()).toList();
        if (!current.equals(path)) {
            if (path.size() != chain.size()) {
                return new Lookup.Missing<>();
            }
            for (int i = 0; i < path.size(); i++) {
                long id = chain.get(i).getId();
                boolean names = path.get(i).equals(current.get(i)) || redirects.find(SlugKind.CATEGORY, language, path.get(i))
                        .filter(r -> r.getTargetId() == id).isPresent();
                if (!names) {
                    return new Lookup.Missing<>();
                }
            }
            return new Lookup.Moved<>(String.join("/", current));
        }
        Instant now = clock.instant();
        Set<Long> ids = subtree(category);
        long total = articles.countPublishedInCategories(language, ids, now);
        if (!Paged.exists(page, total, size)) {
            return new Lookup.Missing<>();
        }
        List<ArticleSummary> items = articles.findPublishedInCategories(language, ids, now, (page - 1) * size, size)
                .stream().map(ReadingService::summary).toList();
        var name = category.translation(language).orElseThrow();
        List<NamedLink> children = new ArrayList<>();
        String here = String.join("/", current);
        for (Category child : category.getChildren()) {
            child.translation(language).ifPresent(ct -> children.add(new NamedLink(ct.getName(), here + "/" + ct.getSlug())));
        }
        Map<String, String> paths = new TreeMap<>();
        for (String other : category.getTranslations().keySet()) {
            lineage(category, other).ifPresent(l -> paths.put(other, l.get(l.size() - 1).slug()));
        }
        Set<String> pageLanguages = withPage(paths.keySet(), language, page, size,
                other -> articles.countPublishedInCategories(other, ids, now));
        return new Lookup.Found<>(new CategoryListing(category.getId(), language, name.getName(), name.getDescription(),
                here, lineage.get(), children, new Paged<>(items, page, Paged.pages(total, size), total), paths,
                pageLanguages));
    }

    /** The tag with a slug in a language and one page of its articles; an old slug answers with the current one. */
    public Lookup<TagListing> tag(String language, String slug, int page, int size) {
        return memo.answer(key("tag", language, slug, page, size),
                () -> computeTag(language, slug, page, size), l -> !(l instanceof Lookup.Missing));
    }

    private Lookup<TagListing> computeTag(String language, String slug, int page, int size) {
        Optional<Tag> byName = tags.findBySlug(language, slug);
        if (byName.isEmpty()) {
            return redirects.find(SlugKind.TAG, language, slug)
                    .flatMap(r -> tags.findById(r.getTargetId()))
                    .flatMap(t -> t.translation(language))
                    .filter(tt -> !tt.getSlug().equals(slug))
                    .<Lookup<TagListing>>map(tt -> new Lookup.Moved<>(tt.getSlug()))
                    .orElseGet(Lookup.Missing::new);
        }
        Tag tag = byName.get();
        Instant now = clock.instant();
        long total = articles.countPublishedWithTag(language, tag.getId(), now);
        if (!Paged.exists(page, total, size)) {
            return new Lookup.Missing<>();
        }
        List<ArticleSummary> items = articles.findPublishedWithTag(language, tag.getId(), now, (page - 1) * size, size)
                .stream().map(ReadingService::summary).toList();
        Map<String, String> slugs = new TreeMap<>();
        tag.getTranslations().forEach((l, tt) -> slugs.put(l, tt.getSlug()));
        Set<String> pageLanguages = withPage(slugs.keySet(), language, page, size,
                other -> articles.countPublishedWithTag(other, tag.getId(), now));
        return new Lookup.Found<>(new TagListing(tag.getId(), language, tag.translation(language).orElseThrow().getName(),
                slug, new Paged<>(items, page, Paged.pages(total, size), total), slugs, pageLanguages));
    }

    /** An author's page in a language: there is one where the author has published articles in it. */
    public Lookup<AuthorListing> author(String language, String authorSlug, int page, int size) {
        return memo.answer(key("author", language, authorSlug, page, size),
                () -> computeAuthor(language, authorSlug, page, size), l -> !(l instanceof Lookup.Missing));
    }

    private Lookup<AuthorListing> computeAuthor(String language, String authorSlug, int page, int size) {
        Instant now = clock.instant();
        long total = articles.countPublishedByAuthor(language, authorSlug, now);
        if (total == 0 || !Paged.exists(page, total, size)) {
            return new Lookup.Missing<>();
        }
        List<ArticleTranslation> found = articles.findPublishedByAuthor(language, authorSlug, now, (page - 1) * size, size);
        Optional<User> author = found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).getArticle().getAuthor());
        String name = author.map(User::getName).orElse(authorSlug);
        Set<String> languages = new LinkedHashSet<>(articles.languagesPublishedByAuthor(authorSlug, now));
        Set<String> pageLanguages = withPage(languages, language, page, size,
                other -> articles.countPublishedByAuthor(other, authorSlug, now));
        return new Lookup.Found<>(new AuthorListing(name, authorSlug, language,
                new Paged<>(found.stream().map(ReadingService::summary).toList(), page, Paged.pages(total, size), total),
                languages, pageLanguages, author.map(a -> a.getBios().get(language)).orElse(null),
                author.flatMap(User::getPhoto).map(p -> MediaLibrary.URL_PREFIX + p).orElse(null)));
    }

    /**
     * The languages among {@code candidates} in which page {@code page} of a list exists: all of them for the
     * first page (list pages exist even when empty), otherwise those whose count reaches that page. The
     * page's own language is always in.
     */
    private static Set<String> withPage(Collection<String> candidates, String language, int page, int size,
                                        ToLongFunction<String> count) {
        Set<String> found = new TreeSet<>();
        for (String other : candidates) {
            if (page == 1 || other.equals(language) || Paged.exists(page, count.applyAsLong(other), size)) {
                found.add(other);
            }
        }
        return Collections.unmodifiableSet(found);
    }

    /**
     * Every author page: for each author with a visible article, the path ({@code /{lang}/author/slug}) in
     * every language in which they have one.
     */
    public List<Map<String, String>> authorPages() {
        Instant now = clock.instant();
        List<Map<String, String>> pages = new ArrayList<>();
        for (String author : articles.authorsPublished(now)) {
            Map<String, String> byLanguage = new TreeMap<>();
            for (String language : articles.languagesPublishedByAuthor(author, now)) {
                byLanguage.put(language, "/" + language + "/author/" + author);
            }
            if (!byLanguage.isEmpty()) {
                pages.add(byLanguage);
            }
        }
        return pages;
    }

    /** A memo key: the question's name and its arguments, compared by value (an argument may be null). */
    private static List<Object> key(Object... parts) {
        return Arrays.asList(parts);
    }

    /** Minutes to read a text at {@link #WORDS_PER_MINUTE}, rounded up; at least 1. */
    public static int readingMinutes(String html) {
        if (html == null) {
            return 1;
        }
        long words = words(html);
        return (int) Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
    }

    /**
     * The words of an HTML text: runs of characters that are neither white space, nor markup ({@code <...>}),
     * nor character references ({@code &name;}, {@code &#123;}). One pass without building strings: every
     * uncached article page counts its body.
     */
    public static long words(String html) {
        long words = 0;
        boolean inWord = false;
        int length = html.length();
        int i = 0;
        while (i < length) {
            char c = html.charAt(i);
            int skip = 0;
            if (c == '<') {
                int close = html.indexOf('>', i + 1);
                skip = close < 0 ? 0 : close + 1 - i;
            } else if (c == '&') {
                skip = referenceLength(html, i);
            }
            if (skip > 0 || isSpace(c)) {
                inWord = false;
                i += Math.max(skip, 1);
            } else {
                if (!inWord) {
                    words++;
                    inWord = true;
                }
                i++;
            }
        }
        return words;
    }

    /** The length of the character reference starting at {@code start} (an ampersand), or 0 if none does. */
    private static int referenceLength(String html, int start) {
        int i = start + 1;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == ';') {
                return i > start + 1 ? i + 1 - start : 0;
            }
            if (!(c == '#' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return 0;
            }
            i++;
        }
        return 0;
    }

    /** White space as in regular expressions' {@code \s}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private Optional<Category> categoryBySlug(String language, String slug) {
        return categories.findBySlug(language, slug).or(() -> redirects.find(SlugKind.CATEGORY, language, slug)
                .flatMap(r -> categories.findById(r.getTargetId())));
    }

    /** The chain of a category named in a language, each linked by its path; empty if any link lacks a name. */
    /**
     * Every category page that exists: for each category, its path ({@code /{lang}/category/a/b}) in every
     * language in which it and all its ancestors have a name. Listing pages exist even when empty.
     */
    public List<Map<String, String>> categoryPages() {
        List<Map<String, String>> pages = new ArrayList<>();
        List<Category> pending = new ArrayList<>(categories.findTopLevel());
        while (!pending.isEmpty()) {
            Category category = pending.remove(0);
            Map<String, String> byLanguage = new TreeMap<>();
            for (String language : category.getTranslations().keySet()) {
                lineage(category, language).ifPresent(l ->
                        byLanguage.put(language, "/" + language + "/category/" + l.get(l.size() - 1).slug()));
            }
            if (!byLanguage.isEmpty()) {
                pages.add(byLanguage);
            }
            pending.addAll(category.getChildren());
        }
        return pages;
    }

    /** Every tag page: for each tag, its path ({@code /{lang}/tag/slug}) in every language it is named in. */
    public List<Map<String, String>> tagPages() {
        List<Map<String, String>> pages = new ArrayList<>();
        for (Tag tag : tags.findAll()) {
            Map<String, String> byLanguage = new TreeMap<>();
            tag.getTranslations().forEach((language, tt) -> byLanguage.put(language, "/" + language + "/tag/" + tt.getSlug()));
            if (!byLanguage.isEmpty()) {
                pages.add(byLanguage);
            }
        }
        return pages;
    }

    static Optional<List<NamedLink>> lineage(Category category, String language) {
        List<NamedLink> links = new ArrayList<>();
        StringBuilder path = new StringBuilder();
        for (Category c : category.lineage()) {
            var name = c.translation(language);
            if (name.isEmpty()) {
                return Optional.empty();
            }
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(name.get().getSlug());
            links.add(new NamedLink(name.get().getName(), path.toString()));
        }
        return Optional.of(links);
    }

    /** A category's id and those of all its descendants. */
    static Set<Long> subtree(Category category) {
        Set<Long> ids = new LinkedHashSet<>();
        List<Category> todo = new ArrayList<>(List.of(category));
        while (!todo.isEmpty()) {
            Category c = todo.remove(todo.size() - 1);
            if (ids.add(c.getId())) {
                todo.addAll(c.getChildren());
            }
        }
        return ids;
    }

    private static Set<Long> ids(Collection<Long> values) {
        return new HashSet<>(values);
    }

    private static Collection<Long> orNone(Set<Long> ids) {
        return ids.isEmpty() ? List.of(-1L) : ids;
    }

    static ArticleSummary summary(ArticleTranslation t) {
        Article a = t.getArticle();
        String image = a.getFeaturedImage().orElse(null);
        return new ArticleSummary(a.getId(), t.getLanguage(), t.getTitle(), t.getSlug(), t.getExcerpt(),
                authorName(a), authorSlug(a), t.getPublishAt().orElse(t.getCreatedAt()),
                image, image == null ? null : t.getFeaturedImageAlt());
    }

    /** The name the public site credits: a guest author's, or the back-office author's. */
    static String authorName(Article a) {
        return a.getGuestAuthorName().orElse(a.getAuthor().getName());
    }

    /** The slug of the author's page; empty for a guest author, who has none. */
    static String authorSlug(Article a) {
        return a.getGuestAuthorName().isPresent() ? "" : a.getAuthor().getSlug();
    }

    static ArticleView view(ArticleTranslation t, Instant now) {
        Article a = t.getArticle();
        String lang = t.getLanguage();
        List<NamedLink> path = a.getCategories().stream().findFirst()
                .flatMap(category -> lineage(category, lang)).orElse(List.of());
        List<NamedLink> tagLinks = a.getTags().stream()
                .flatMap(tag -> tag.translation(lang).stream())
                .map(tt -> new NamedLink(tt.getName(), tt.getSlug()))
                .sorted(Comparator.comparing(NamedLink::slug))
                .toList();
        Map<String, String> slugs = new TreeMap<>();
        a.getTranslations().forEach((code, tr) -> {
            if (tr.isVisibleAt(now)) {
                slugs.put(code, tr.getSlug());
            }
        });
        String image = a.getFeaturedImage().orElse(null);
        return new ArticleView(a.getId(), t.getId(), lang, t.getTitle(), t.getSlug(), t.getExcerpt(), t.getBody(),
                t.getSeoTitle(), t.getSeoDescription(), authorName(a), authorSlug(a),
                t.getPublishAt().orElse(t.getCreatedAt()), t.getUpdatedAt(), path, tagLinks, image,
                image == null ? null : t.getFeaturedImageAlt(), readingMinutes(t.getBody()), slugs);
    }
}
