package org.scriptorium.web.backoffice;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.scriptorium.themes.application.ThemeRegistry;
import org.scriptorium.themes.domain.ThemeDescriptor;

/** The site settings, for administrators: which theme renders the public site. */
@Named
@RequestScoped
public class SettingsPage {

    @Inject
    private ThemeRegistry themes;

    private String theme;

    @PostConstruct
    void load() {
        theme = themes.active().id();
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
        return "/backoffice/settings.xhtml?faces-redirect=true&saved=1";
    }
}
