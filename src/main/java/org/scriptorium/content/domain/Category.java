package org.scriptorium.content.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKey;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A section of the magazine, in a tree: a top-level category ("Business") has children ("Startups") which
 * have children of their own ("Financing"). Names, slugs and descriptions are per language.
 *
 * <p>Lifecycle: created under a parent (or at the top), named in one or more languages, moved or reordered
 * by editors. A category's path in a language is the chain of its ancestors' slugs in that language, which
 * is why a category without a name in a language is not shown in that language.
 */
@Entity
@Table(name = "category")
public class Category {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Category parent;

    @OneToMany(mappedBy = "parent")
    @OrderBy("position")
    private List<Category> children = new ArrayList<>();

    @Column(nullable = false)
    private int position;

    @Version
    private long version;

    @OneToMany(mappedBy = "category", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @MapKey(name = "language")
    private Map<String, CategoryTranslation> translations = new TreeMap<>();

    protected Category() {
    }

    public Category(Category parent, int position) {
        this.parent = parent;
        this.position = position;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    /** Names the category in a language, replacing an earlier name in that language. */
    public CategoryTranslation name(String language, String name, String slug, String description) {
        CategoryTranslation existing = translations.get(language);
        if (existing != null) {
            existing.rename(name, slug, description);
            return existing;
        }
        CategoryTranslation created = new CategoryTranslation(this, language, name, slug, description);
        translations.put(language, created);
        return created;
    }

    /** Removes the category's name in a language; it then no longer shows in that language. */
    public void unname(String language) {
        translations.remove(language);
    }

    /** Whether this category is the given one or one of its ancestors. */
    public boolean isSelfOrAncestorOf(Category other) {
        // Through getters: an ancestor may be a lazy proxy whose own fields are not loaded.
        for (Category c = other; c != null; c = c.getParent().orElse(null)) {
            if (c == this || (id != null && id.equals(c.getId()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Moves the category under another parent (or to the top level) at a position among its new siblings.
     *
     * @throws IllegalArgumentException if the new parent is this category or one of its descendants, which
     *                                  would make the tree a cycle
     */
    public void moveTo(Category newParent, int newPosition) {
        if (newParent != null && isSelfOrAncestorOf(newParent)) {
            throw new IllegalArgumentException("A category cannot be moved under itself or one of its descendants");
        }
        if (parent != null) {
            parent.release(this);
        }
        parent = newParent;
        position = newPosition;
        if (newParent != null) {
            newParent.adopt(this);
        }
    }

    /** Called on the parent, possibly a lazy proxy, which forwards method calls but not field access. */
    protected void release(Category child) {
        children.remove(child);
    }

    protected void adopt(Category child) {
        children.add(child);
    }

    /** Changes the position among the siblings (lower first). */
    public void reposition(int newPosition) {
        this.position = newPosition;
    }

    public Optional<CategoryTranslation> translation(String language) {
        return Optional.ofNullable(translations.get(language));
    }

    /** The chain from the top-level category down to this one. */
    public List<Category> lineage() {
        List<Category> chain = new ArrayList<>();
        for (Category c = this; c != null; c = c.getParent().orElse(null)) {
            chain.add(0, c);
        }
        return chain;
    }

    public Long getId() {
        return id;
    }

    public Optional<Category> getParent() {
        return Optional.ofNullable(parent);
    }

    public List<Category> getChildren() {
        return Collections.unmodifiableList(children);
    }

    public int getPosition() {
        return position;
    }

    public Map<String, CategoryTranslation> getTranslations() {
        return Collections.unmodifiableMap(translations);
    }
}
