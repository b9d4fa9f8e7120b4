package org.scriptorium.identity.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A person who works in the back office, and whose name appears as author on the public site.
 *
 * <p>Lifecycle: created by an administrator (or, for the very first one, from the configuration at start),
 * active until deactivated. Users are never deleted, because articles keep pointing at their author;
 * deactivation stops them from logging in. The e-mail address is the login name and is stored in lower case
 * so that look-ups do not depend on how it was typed. Only a salted PBKDF2 hash of the password is kept.
 *
 * <p>A user is also an author with a public profile: the name, a photo from the media library and a short
 * biography per language. Each user reads the back office in the language of their choice ({@code uiLanguage});
 * without a choice, the back office follows the browser and then the site's default language.
 */
@Entity
@Table(name = "app_user")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 320)
    private String email;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 200)
    private String slug;

    @Column(name = "password_hash", nullable = false, length = 500)
    private String passwordHash;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 20, nullable = false)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_language", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "language", length = 10, nullable = false)
    private Set<String> translatorLanguages = new LinkedHashSet<>();

    @Column(name = "ui_language", length = 10)
    private String uiLanguage;

    @Column(length = 200)
    private String photo;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "author_bio", joinColumns = @JoinColumn(name = "user_id"))
    @MapKeyColumn(name = "language", length = 10)
    @Column(name = "bio", length = 4000, nullable = false)
    private Map<String, String> bios = new TreeMap<>();

    protected User() {
    }

    public User(String email, String name, String slug, String passwordHash, Set<Role> roles, Instant createdAt) {
        this.email = normalizeEmail(email);
        this.name = name;
        this.slug = slug;
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.active = true;
        this.createdAt = createdAt;
    }

    /** The canonical form of a login name: trimmed and lower case. */
    public static String normalizeEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return name;
    }

    /** The URL segment of the author's public page. */
    public String getSlug() {
        return slug;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Set<Role> getRoles() {
        return Collections.unmodifiableSet(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** The languages a TRANSLATOR may edit; empty for other roles. */
    public Set<String> getTranslatorLanguages() {
        return Collections.unmodifiableSet(translatorLanguages);
    }

    public void assignTranslatorLanguages(Set<String> languages) {
        translatorLanguages.clear();
        translatorLanguages.addAll(languages);
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    public void deactivate() {
        this.active = false;
    }

    public void activate() {
        this.active = true;
    }

    public void rename(String newName) {
        this.name = newName;
    }

    /** Replaces the roles; a user keeps at least none, which leaves them unable to open any page. */
    public void assignRoles(Set<Role> newRoles) {
        roles.clear();
        roles.addAll(newRoles);
    }

    /** The language this user reads the back office in, if they chose one. */
    public Optional<String> getUiLanguage() {
        return Optional.ofNullable(uiLanguage);
    }

    public void chooseUiLanguage(String language) {
        this.uiLanguage = language == null || language.isBlank() ? null : language;
    }

    /** The media file name of the author's photo, if any. */
    public Optional<String> getPhoto() {
        return Optional.ofNullable(photo);
    }

    public void choosePhoto(String mediaName) {
        this.photo = mediaName == null || mediaName.isBlank() ? null : mediaName;
    }

    /** The author's biography per language. */
    public Map<String, String> getBios() {
        return Collections.unmodifiableMap(bios);
    }

    /** Sets the biography in a language; a blank one removes it. */
    public void writeBio(String language, String bio) {
        if (bio == null || bio.isBlank()) {
            bios.remove(language);
        } else {
            bios.put(language, bio.strip());
        }
    }
}
