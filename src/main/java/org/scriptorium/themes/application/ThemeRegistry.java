package org.scriptorium.themes.application;

import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.settings.application.SiteSettings;
import org.scriptorium.themes.domain.ThemeCatalog;
import org.scriptorium.themes.domain.ThemeDescriptor;

/**
 * The installed themes and which one renders the public site: the single place that decides the active
 * theme. The descriptors are read once; the choice is a site setting, looked up on every request, so that an
 * administrator's change takes effect on the next page without a restart. An unknown or unreadable choice
 * falls back to {@link #DEFAULT_THEME}, so that even the error page always has a theme.
 */
@ApplicationScoped
public class ThemeRegistry {

    public static final String DEFAULT_THEME = "magazine";
    private static final Logger LOG = Logger.getLogger(ThemeRegistry.class.getName());

    private ThemeCatalog catalog;
    private SiteSettings settings;
    private volatile List<ThemeDescriptor> themes;

    protected ThemeRegistry() {
    }

    @Inject
    public ThemeRegistry(ThemeCatalog catalog, SiteSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    public List<ThemeDescriptor> all() {
        List<ThemeDescriptor> t = themes;
        if (t == null) {
            t = List.copyOf(catalog.findAll());
            themes = t;
        }
        return t;
    }

    public Optional<ThemeDescriptor> find(String id) {
        return all().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The theme that renders the public site now. */
    public ThemeDescriptor active() {
        Optional<String> chosen;
        try {
            chosen = settings.get(SiteSettings.ACTIVE_THEME);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Active theme unreadable, using the default", e);
            chosen = Optional.empty();
        }
        return chosen.flatMap(this::find).orElseGet(this::fallback);
    }

    private ThemeDescriptor fallback() {
        return find(DEFAULT_THEME).orElseGet(() -> all().get(0));
    }

    /**
     * Makes an installed theme the active one.
     *
     * @throws IllegalArgumentException if no theme has this id
     */
    public void activate(String id) {
        if (find(id).isEmpty()) {
            throw new IllegalArgumentException("No theme " + id);
        }
        settings.put(SiteSettings.ACTIVE_THEME, id);
    }

    /** The path of a template in the active theme, falling back to the default theme's. */
    public String templatePath(String template) {
        return templatePath(active(), template);
    }

    /** The path of a template in a given theme, falling back to the default theme's. */
    public String templatePath(ThemeDescriptor theme, String template) {
        ThemeDescriptor chosen = theme;
        if (!chosen.provides(template)) {
            chosen = find(DEFAULT_THEME).orElse(theme);
        }
        return "/themes/" + chosen.id() + "/templates/" + template + ".xhtml";
    }
}
