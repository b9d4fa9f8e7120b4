package org.scriptorium.themes.application;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.themes.domain.ThemeCatalog;
import org.scriptorium.themes.domain.ThemeDescriptor;

/**
 * The installed themes and which one renders the public site. The descriptors are read once; the active
 * theme is looked up on every request, so that a change takes effect without a restart.
 */
@ApplicationScoped
public class ThemeRegistry {

    public static final String DEFAULT_THEME = "magazine";

    private ThemeCatalog catalog;
    private volatile List<ThemeDescriptor> themes;

    protected ThemeRegistry() {
    }

    @Inject
    public ThemeRegistry(ThemeCatalog catalog) {
        this.catalog = catalog;
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
        return find(DEFAULT_THEME).orElseGet(() -> all().get(0));
    }

    /** The path of a template in the active theme, falling back to the default theme's. */
    public String templatePath(String template) {
        ThemeDescriptor theme = active();
        if (!theme.provides(template)) {
            theme = find(DEFAULT_THEME).orElse(theme);
        }
        return "/themes/" + theme.id() + "/templates/" + template + ".xhtml";
    }
}
