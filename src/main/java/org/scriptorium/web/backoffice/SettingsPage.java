package org.scriptorium.web.backoffice;

import java.net.MalformedURLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.i18n.application.LanguageService.LanguageChoice;
import org.scriptorium.i18n.domain.SiteLanguage;
import org.scriptorium.settings.application.SiteIdentity;
import org.scriptorium.themes.application.ThemeRegistry;
import org.scriptorium.themes.domain.ThemeDescriptor;
import org.scriptorium.web.common.Texts;

/**
 * The site settings, for administrators, all effective on the next request without a restart: which theme
 * renders the public site; the site's name and tagline per language; which languages are enabled, in which
 * order, and which is the default. Links lead to the settings pages of other features (comments, mail,
 * newsletter), shown only when that page exists in this build so that no link is ever broken.
 */
@Named
@RequestScoped
public class SettingsPage {

    /** Settings pages of other features: a UI-string key and the page's path (without {@code .xhtml}). */
    public record FeatureLink(String labelKey, String path) {
    }

    static final List<FeatureLink> FEATURE_PAGES = List.of(
            new FeatureLink("settings.link.comments", "/backoffice/comments/settings"),
            new FeatureLink("settings.link.mail", "/backoffice/mail/settings"),
            new FeatureLink("settings.link.newsletter", "/backoffice/newsletter"),
            new FeatureLink("settings.link.push", "/backoffice/push/settings"),
            new FeatureLink("settings.link.submissions", "/backoffice/submissions-settings"));

    @Inject
    private ThemeRegistry themes;

    @Inject
    private SiteIdentity identity;

    @Inject
    private LanguageService languages;

    @Inject
    private Texts texts;

    @Inject
    private Audit audit;

    private String theme;
    private List<SiteLanguage> all;
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> taglines = new HashMap<>();
    private final Map<String, Boolean> enabled = new HashMap<>();
    private final Map<String, String> positions = new HashMap<>();
    private String defaultLanguage;
    private final FormErrors errors = new FormErrors();

    @PostConstruct
    void load() {
        theme = themes.active().id();
        all = languages.all();
        for (SiteLanguage l : all) {
            names.put(l.getCode(), identity.ownName(l.getCode()));
            taglines.put(l.getCode(), identity.ownTagline(l.getCode()));
            enabled.put(l.getCode(), l.isEnabled());
            positions.put(l.getCode(), String.valueOf(l.getPosition()));
        }
        defaultLanguage = languages.defaultCode();
    }

    public List<ThemeDescriptor> getThemes() {
        return themes.all();
    }

    public String getActiveName() {
        return themes.active().name();
    }

    public String getTheme() {
        return theme;
    }

    public void setTheme(String theme) {
        this.theme = theme;
    }

    /** Stores the chosen theme; the next public page uses it. */
    public String save() {
        if (themes.find(theme).isEmpty()) {
            return null;
        }
        themes.activate(theme);
        audit.record("settings.theme", "setting:theme", theme);
        return "/backoffice/settings.xhtml?faces-redirect=true&saved=1";
    }

    /** Stores the site's name and tagline per language (empty for the shipped default). */
    public String saveIdentity() {
        errors.clear();
        Map<String, String> n = new LinkedHashMap<>();
        Map<String, String> tl = new LinkedHashMap<>();
        for (SiteLanguage l : all) {
            n.put(l.getCode(), names.getOrDefault(l.getCode(), ""));
            tl.put(l.getCode(), taglines.getOrDefault(l.getCode(), ""));
        }
        try {
            identity.change(n, tl);
        } catch (IllegalArgumentException e) {
            errors.put(e.getMessage(), texts.format("settings.error.tooLong",
                    e.getMessage().startsWith("name") ? SiteIdentity.MAX_NAME : SiteIdentity.MAX_TAGLINE));
            return null;
        }
        audit.record("settings.identity", "setting:site", n.toString());
        return "/backoffice/settings.xhtml?faces-redirect=true&saved=1";
    }

    /** Stores which languages are enabled, their order and the default. */
    public String saveLanguages() {
        errors.clear();
        List<LanguageChoice> choices = new ArrayList<>();
        for (SiteLanguage l : all) {
            String code = l.getCode();
            int position;
            try {
                position = Integer.parseInt(positions.getOrDefault(code, "").strip());
            } catch (NumberFormatException e) {
                errors.put("position-" + code, texts.get("settings.error.position"));
                return null;
            }
            choices.add(new LanguageChoice(code, Boolean.TRUE.equals(enabled.get(code)), position));
        }
        Optional<LanguageService.Refusal> refusal = languages.configure(choices, defaultLanguage);
        if (refusal.isPresent()) {
            errors.put("languages", switch (refusal.get()) {
                case NONE_ENABLED -> texts.get("settings.error.noneEnabled");
                case DEFAULT_NOT_ENABLED -> texts.get("settings.error.defaultDisabled");
                case UNKNOWN_LANGUAGE -> texts.get("settings.error.unknownLanguage");
            });
            return null;
        }
        audit.record("settings.languages", "setting:languages", choices.stream()
                .map(c -> c.code() + (c.enabled() ? "+" : "-") + c.position()).toList() + " default " + defaultLanguage);
        return "/backoffice/settings.xhtml?faces-redirect=true&saved=1";
    }

    /** The settings pages of other features that exist in this build. */
    public List<FeatureLink> getFeatureLinks() {
        FacesContext faces = FacesContext.getCurrentInstance();
        List<FeatureLink> present = new ArrayList<>();
        for (FeatureLink link : FEATURE_PAGES) {
            try {
                if (faces.getExternalContext().getResource(link.path() + ".xhtml") != null) {
                    present.add(link);
                }
            } catch (MalformedURLException e) {
                continue;
            }
        }
        return present;
    }

    public List<SiteLanguage> getLanguages() {
        return all;
    }

    public Map<String, String> getNames() {
        return names;
    }

    public Map<String, String> getTaglines() {
        return taglines;
    }

    public Map<String, Boolean> getEnabled() {
        return enabled;
    }

    public Map<String, String> getPositions() {
        return positions;
    }

    public String getDefaultLanguage() {
        return defaultLanguage;
    }

    public void setDefaultLanguage(String defaultLanguage) {
        this.defaultLanguage = defaultLanguage;
    }

    public FormErrors getErrors() {
        return errors;
    }
}
