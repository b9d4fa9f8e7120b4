package org.scriptorium.content.domain;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MapKey;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A keyword shared by articles across languages, with its own name and slug in each language ("open
 * source" is "codice aperto" in Italian). Lifecycle: created by editors, named per language, merged or
 * removed when unused.
 */
@Entity
@Table(name = "tag")
public class Tag {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @OneToMany(mappedBy = "tag", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @MapKey(name = "language")
    private Map<String, TagTranslation> translations = new TreeMap<>();

    public Tag() {
        // A tag starts without names; see name().
    }

    /** Names the tag in a language, replacing an earlier name in that language. */
    public TagTranslation name(String language, String name, String slug) {
        TagTranslation existing = translations.get(language);
        if (existing != null) {
            existing.rename(name, slug);
            return existing;
        }
        TagTranslation created = new TagTranslation(this, language, name, slug);
        translations.put(language, created);
        return created;
    }

    /** Removes the tag's name in a language. */
    public void unname(String language) {
        translations.remove(language);
    }

    public Optional<TagTranslation> translation(String language) {
        return Optional.ofNullable(translations.get(language));
    }

    public Long getId() {
        return id;
    }

    public Map<String, TagTranslation> getTranslations() {
        return Collections.unmodifiableMap(translations);
    }
}
