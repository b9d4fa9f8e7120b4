package org.scriptorium.content.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A tag's name and slug in one language; part of the {@link Tag} aggregate. */
@Entity
@Table(name = "tag_translation")
public class TagTranslation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "tag_id")
    private Tag tag;

    @Column(nullable = false, length = 10)
    private String language;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 120)
    private String slug;

    protected TagTranslation() {
    }

    TagTranslation(Tag tag, String language, String name, String slug) {
        this.tag = tag;
        this.language = language;
        rename(name, slug);
    }

    void rename(String newName, String newSlug) {
        this.name = newName;
        this.slug = newSlug;
    }

    public Long getId() {
        return id;
    }

    public Tag getTag() {
        return tag;
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
}
