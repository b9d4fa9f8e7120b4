package org.scriptorium.content.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKey;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.scriptorium.identity.domain.User;

/**
 * An article as a language-neutral whole: who wrote it, where it is filed, its picture, and the
 * translations that carry its text. The aggregate root of the content model.
 *
 * <p>Lifecycle: an article is created together with its first translation, in its source language. Further
 * translations are added over time, each with a status of its own: the article is visible in a language
 * exactly when that language's translation is published. Changes to shared facts (categories, tags, image)
 * apply to every language at once. Articles are not deleted while published anywhere; unpublishing every
 * translation takes an article off the site.
 */
@Entity
@Table(name = "article")
public class Article {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id")
    private User author;

    @Column(name = "source_language", nullable = false, length = 10)
    private String sourceLanguage;

    @Column(name = "featured_image", length = 500)
    private String featuredImage;

    @Column(name = "guest_author_name", length = 200)
    private String guestAuthorName;

    @Column(name = "guest_author_bio", length = 1000)
    private String guestAuthorBio;

    @Column(name = "comments_open", nullable = false)
    private boolean commentsOpen = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @ManyToMany
    @JoinTable(name = "article_category", joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "category_id"))
    private Set<Category> categories = new LinkedHashSet<>();

    @ManyToMany
    @JoinTable(name = "article_tag", joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    private Set<Tag> tags = new LinkedHashSet<>();

    @OneToMany(mappedBy = "article", cascade = CascadeType.ALL, orphanRemoval = true)
    @MapKey(name = "language")
    private Map<String, ArticleTranslation> translations = new TreeMap<>();

    protected Article() {
    }

    public Article(User author, String sourceLanguage, Instant createdAt) {
        this.author = author;
        this.sourceLanguage = sourceLanguage;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /**
     * Adds the translation for a language that has none yet.
     *
     * @throws IllegalStateException if the language already has one
     */
    public ArticleTranslation addTranslation(String language, String title, String slug, String body, Instant at) {
        if (translations.containsKey(language)) {
            throw new IllegalStateException("Article " + id + " already has a translation in " + language);
        }
        ArticleTranslation translation = new ArticleTranslation(this, language, title, slug, body, at);
        translations.put(language, translation);
        touch(at);
        return translation;
    }

    public Optional<ArticleTranslation> translation(String language) {
        return Optional.ofNullable(translations.get(language));
    }

    /** The translation in the article's source language, if it still exists. */
    public Optional<ArticleTranslation> sourceTranslation() {
        return translation(sourceLanguage);
    }

    public Map<String, ArticleTranslation> getTranslations() {
        return Collections.unmodifiableMap(translations);
    }

    public void fileUnder(Category category) {
        categories.add(category);
    }

    public void tag(Tag tag) {
        tags.add(tag);
    }

    /** Files the article under exactly these categories, in every language. */
    public void refileUnder(Set<Category> newCategories) {
        categories.retainAll(newCategories);
        categories.addAll(newCategories);
    }

    /** Gives the article exactly these tags, in every language. */
    public void retag(Set<Tag> newTags) {
        tags.retainAll(newTags);
        tags.addAll(newTags);
    }

    public void changeFeaturedImage(String image) {
        this.featuredImage = image;
    }

    /**
     * Credits a guest (a reader whose submitted story this is) as the article's author on the public site;
     * the back-office author stays responsible for it. A blank name removes the credit.
     */
    public void creditGuestAuthor(String name, String bio) {
        this.guestAuthorName = name == null || name.isBlank() ? null : name.strip();
        this.guestAuthorBio = guestAuthorName == null || bio == null || bio.isBlank() ? null : bio.strip();
    }

    /** The guest credited as author, if any. */
    public Optional<String> getGuestAuthorName() {
        return Optional.ofNullable(guestAuthorName);
    }

    public Optional<String> getGuestAuthorBio() {
        return Optional.ofNullable(guestAuthorBio);
    }

    public void setCommentsOpen(boolean open) {
        this.commentsOpen = open;
    }

    public void touch(Instant at) {
        this.updatedAt = at;
    }

    public Long getId() {
        return id;
    }

    public User getAuthor() {
        return author;
    }

    public String getSourceLanguage() {
        return sourceLanguage;
    }

    public Optional<String> getFeaturedImage() {
        return Optional.ofNullable(featuredImage);
    }

    public boolean isCommentsOpen() {
        return commentsOpen;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Set<Category> getCategories() {
        return Collections.unmodifiableSet(categories);
    }

    public Set<Tag> getTags() {
        return Collections.unmodifiableSet(tags);
    }
}
