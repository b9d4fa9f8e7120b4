package org.scriptorium.content.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A category's name, slug and description in one language; part of the {@link Category} aggregate. */
@Entity
@Table(name = "category_translation")
public class CategoryTranslation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "category_id")
    private Category category;

    @Column(nullable = false, length = 10)
    private String language;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 200)
    private String slug;

    @Column(length = 2000)
    private String description;

    protected CategoryTranslation() {
    }

    CategoryTranslation(Category category, String language, String name, String slug, String description) {
        this.category = category;
        this.language = language;
        rename(name, slug, description);
    }

    void rename(String newName, String newSlug, String newDescription) {
        this.name = newName;
        this.slug = newSlug;
        this.description = newDescription;
    }

    public Long getId() {
        return id;
    }

    public Category getCategory() {
        return category;
    }

    public String getLanguage() {
        return language;
    }

    public String getName() {
        return name;
    }

    public String getSlug() {
        return slug;
    }

    public String getDescription() {
        return description;
    }
}
