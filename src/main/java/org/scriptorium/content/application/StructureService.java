package org.scriptorium.content.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.content.application.StructureException.Reason;
import org.scriptorium.content.domain.Category;
import org.scriptorium.content.domain.CategoryRepository;
import org.scriptorium.content.domain.CategoryTranslation;
import org.scriptorium.content.domain.ContentChanged;
import org.scriptorium.content.domain.ContentEvent;
import org.scriptorium.content.domain.SlugKind;
import org.scriptorium.content.domain.SlugRedirect;
import org.scriptorium.content.domain.SlugRedirectRepository;
import org.scriptorium.content.domain.Tag;
import org.scriptorium.content.domain.TagRepository;
import org.scriptorium.content.domain.TagTranslation;
import org.scriptorium.identity.application.Slugs;

/**
 * The magazine's structure as editors change it: the category tree (create, rename per language, move under
 * another parent, reorder among siblings) and the tags with their names per language.
 *
 * <p>A slug is unique per language among categories (and among tags); a typed slug that another one uses is
 * refused, an empty one is made from the name and numbered until free. Renaming keeps the old slug as a
 * {@link SlugRedirect}, so the public pages of the old address answer with a permanent redirect. A move that
 * would put a category under itself or its descendants is refused. Every change fires {@link ContentChanged},
 * on which the page cache and the sitemaps follow.
 */
@ApplicationScoped
@Transactional
public class StructureService {

    static final int MAX_NAME = 200;
    static final int MAX_TAG_NAME = 100;
    static final int MAX_DESCRIPTION = 2000;

    private CategoryRepository categories;
    private TagRepository tags;
    private SlugRedirectRepository redirects;
    private Event<ContentEvent> events;
    private Clock clock;

    protected StructureService() {
    }

    @Inject
    public StructureService(CategoryRepository categories, TagRepository tags, SlugRedirectRepository redirects,
                            Event<ContentEvent> events, Clock clock) {
        this.categories = categories;
        this.tags = tags;
        this.redirects = redirects;
        this.events = events;
        this.clock = clock;
    }

    /** Every category, depth first in the order of the tree (in a transaction: children load lazily). */
    public List<StructureRow> categoryTree() {
        List<StructureRow> rows = new ArrayList<>();
        addRows(categories.findTopLevel(), 0, rows);
        return rows;
    }

    private void addRows(List<Category> level, int depth, List<StructureRow> rows) {
        for (Category c : sorted(level)) {
            rows.add(row(c, depth));
            addRows(c.getChildren(), depth + 1, rows);
        }
    }

    public Optional<StructureRow> category(long id) {
        return categories.findById(id).map(c -> row(c, c.lineage().size() - 1));
    }

    /**
     * Creates a category under a parent (null for the top level), last among its siblings.
     *
     * @param languages the site's languages, the only ones a text may be in
     */
    public long createCategory(Long parentId, Map<String, StructureText> texts, Set<String> languages) {
        Category parent = parentId == null ? null : categories.findById(parentId)
                .orElseThrow(() -> new StructureException(Reason.NOT_FOUND, "parent"));
        checkTexts(texts, languages, MAX_NAME);
        List<Category> siblings = parent == null ? categories.findTopLevel() : parent.getChildren();
        int position = siblings.stream().mapToInt(Category::getPosition).max().orElse(0) + 1;
        Category category = categories.save(new Category(parent, position));
        applyCategoryTexts(category, texts);
        changed("category " + category.getId());
        return category.getId();
    }

    /** Changes a category's texts and, if the parent differs, moves it there as the last child. */
    public void updateCategory(long id, Long parentId, Map<String, StructureText> texts, Set<String> languages) {
        Category category = categories.findById(id).orElseThrow(() -> new StructureException(Reason.NOT_FOUND, ""));
        Category parent = parentId == null ? null : categories.findById(parentId)
                .orElseThrow(() -> new StructureException(Reason.NOT_FOUND, "parent"));
        if (parent != null && category.isSelfOrAncestorOf(parent)) {
            throw new StructureException(Reason.CYCLE, "parent");
        }
        checkTexts(texts, languages, MAX_NAME);
        Long currentParent = category.getParent().map(Category::getId).orElse(null);
        if (!Objects.equals(currentParent, parentId)) {
            List<Category> siblings = parent == null ? categories.findTopLevel() : parent.getChildren();
            int position = siblings.stream().mapToInt(Category::getPosition).max().orElse(0) + 1;
            category.moveTo(parent, position);
        }
        applyCategoryTexts(category, texts);
        changed("category " + id);
    }

    /** Moves a category one place up (-1) or down (+1) among its siblings; nothing at either end. */
    public void shiftCategory(long id, int direction) {
        Category category = categories.findById(id).orElseThrow(() -> new StructureException(Reason.NOT_FOUND, ""));
        List<Category> siblings = new ArrayList<>(sorted(category.getParent().map(Category::getChildren)
                .orElseGet(categories::findTopLevel)));
        int index = siblings.indexOf(category);
        int other = index + Integer.signum(direction);
        if (index < 0 || other < 0 || other >= siblings.size()) {
            return;
        }
        siblings.set(index, siblings.get(other));
        siblings.set(other, category);
        for (int i = 0; i < siblings.size(); i++) {
            siblings.get(i).reposition(i + 1);
        }
        changed("category " + id);
    }

    private void applyCategoryTexts(Category category, Map<String, StructureText> texts) {
        for (Map.Entry<String, StructureText> e : texts.entrySet()) {
            String lang = e.getKey();
            StructureText text = e.getValue();
            Optional<CategoryTranslation> existing = category.translation(lang);
            if (StructureText.blank(text.name())) {
                if (existing.isPresent()) {
                    category.unname(lang);
                }
                continue;
            }
            String slug = chooseSlug(text, lang, s -> categories.findBySlug(lang, s)
                    .filter(c -> !c.getId().equals(category.getId())).isPresent());
            redirects.find(SlugKind.CATEGORY, lang, slug).ifPresent(redirects::delete);
            if (existing.isPresent() && !existing.get().getSlug().equals(slug)) {
                remember(SlugKind.CATEGORY, lang, existing.get().getSlug(), category.getId());
            }
            String description = StructureText.blank(text.description()) ? null : text.description().strip();
            category.name(lang, text.name().strip(), slug, description);
        }
    }

    /** Every tag, by its id. */
    public List<StructureRow> tags() {
        return tags.findAll().stream().map(StructureService::row).toList();
    }

    public Optional<StructureRow> tag(long id) {
        return tags.findById(id).map(StructureService::row);
    }

    /** Creates (no id) or changes a tag's names per language; returns its id. */
    public long saveTag(Optional<Long> id, Map<String, StructureText> texts, Set<String> languages) {
        Tag tag = id.isPresent() ? tags.findById(id.get()).orElseThrow(() -> new StructureException(Reason.NOT_FOUND, ""))
                : null;
        checkTexts(texts, languages, MAX_TAG_NAME);
        if (tag == null) {
            tag = tags.save(new Tag());
        }
        Tag target = tag;
        for (Map.Entry<String, StructureText> e : texts.entrySet()) {
            String lang = e.getKey();
            StructureText text = e.getValue();
            Optional<TagTranslation> existing = target.translation(lang);
            if (StructureText.blank(text.name())) {
                if (existing.isPresent()) {
                    target.unname(lang);
                }
                continue;
            }
            String slug = chooseSlug(text, lang, s -> tags.findBySlug(lang, s)
                    .filter(t -> !t.getId().equals(target.getId())).isPresent());
            redirects.find(SlugKind.TAG, lang, slug).ifPresent(redirects::delete);
            if (existing.isPresent() && !existing.get().getSlug().equals(slug)) {
                remember(SlugKind.TAG, lang, existing.get().getSlug(), target.getId());
            }
            target.name(lang, text.name().strip(), slug);
        }
        changed("tag " + target.getId());
        return target.getId();
    }

    private void checkTexts(Map<String, StructureText> texts, Set<String> languages, int maxName) {
        boolean named = false;
        for (Map.Entry<String, StructureText> e : texts.entrySet()) {
            String lang = e.getKey();
            StructureText text = e.getValue();
            if (!languages.contains(lang)) {
                throw new StructureException(Reason.LANGUAGE_INVALID, "name-" + lang);
            }
            if (StructureText.blank(text.name())) {
                if (!text.isBlank()) {
                    throw new StructureException(Reason.NAME_REQUIRED, "name-" + lang);
                }
                continue;
            }
            named = true;
            if (text.name().strip().length() > maxName) {
                throw new StructureException(Reason.TOO_LONG, "name-" + lang);
            }
            if (text.slug() != null && text.slug().strip().length() > maxName) {
                throw new StructureException(Reason.TOO_LONG, "slug-" + lang);
            }
            if (text.description() != null && text.description().strip().length() > MAX_DESCRIPTION) {
                throw new StructureException(Reason.TOO_LONG, "description-" + lang);
            }
        }
        if (!named) {
            throw new StructureException(Reason.NO_NAME, "");
        }
    }

    /** A typed slug must be free; an empty one is made from the name and numbered until free. */
    private static String chooseSlug(StructureText text, String lang, Predicate<String> taken) {
        if (!StructureText.blank(text.slug())) {
            String slug = Slugs.of(text.slug().strip());
            if (taken.test(slug)) {
                throw new StructureException(Reason.SLUG_TAKEN, "slug-" + lang);
            }
            return slug;
        }
        String base = Slugs.of(text.name().strip());
        String slug = base;
        for (int i = 2; taken.test(slug); i++) {
            slug = base + "-" + i;
        }
        return slug;
    }

    private void remember(SlugKind kind, String lang, String oldSlug, long targetId) {
        if (redirects.find(kind, lang, oldSlug).isEmpty()) {
            redirects.save(new SlugRedirect(kind, lang, oldSlug, targetId, clock.instant()));
        }
    }

    private void changed(String what) {
        events.fire(new ContentChanged(what, Instant.now(clock)));
    }

    private static List<Category> sorted(List<Category> level) {
        return level.stream().sorted(Comparator.comparingInt(Category::getPosition).thenComparing(Category::getId)).toList();
    }

    private static StructureRow row(Category c, int depth) {
        Map<String, StructureText> texts = new LinkedHashMap<>();
        c.getTranslations().forEach((l, t) -> texts.put(l, new StructureText(t.getName(), t.getSlug(),
                t.getDescription() == null ? "" : t.getDescription())));
        return new StructureRow(c.getId(), depth, c.getParent().map(Category::getId).orElse(null), c.getPosition(), texts);
    }

    private static StructureRow row(Tag t) {
        Map<String, StructureText> texts = new LinkedHashMap<>();
        t.getTranslations().forEach((l, tt) -> texts.put(l, new StructureText(tt.getName(), tt.getSlug(), "")));
        return new StructureRow(t.getId(), 0, null, 0, texts);
    }
}
