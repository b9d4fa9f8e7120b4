package org.scriptorium.i18n.domain;

import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A language the site publishes in. Languages are rows, not code: an operator enables, disables and orders
 * them at runtime. Exactly one enabled language is the default, the one served when nothing else decides.
 * A language is never deleted once content exists in it; it is disabled instead, which hides it from the
 * public site while keeping its translations.
 */
@Entity
@Table(name = "site_language")
public class SiteLanguage {

    @Id
    @Column(length = 10)
    private String code;

    @Column(name = "native_name", nullable = false, length = 100)
    private String nativeName;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "is_default", nullable = false)
    private boolean defaultLanguage;

    @Column(nullable = false)
    private int position;

    protected SiteLanguage() {
    }

    public SiteLanguage(String code, String nativeName, boolean enabled, boolean defaultLanguage, int position) {
        this.code = code;
        this.nativeName = nativeName;
        this.enabled = enabled;
        this.defaultLanguage = defaultLanguage;
        this.position = position;
    }

    public String getCode() {
        return code;
    }

    /** The language's name in itself ("Deutsch", "Français"), as a language switcher shows it. */
    public String getNativeName() {
        return nativeName;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isDefaultLanguage() {
        return defaultLanguage;
    }

    public int getPosition() {
        return position;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** Changes whether the language is shown, whether it is the default, and its place in the order. */
    public void configure(boolean nowEnabled, boolean nowDefault, int newPosition) {
        this.enabled = nowEnabled;
        this.defaultLanguage = nowDefault;
        this.position = newPosition;
    }
}
