package org.scriptorium.web.site;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletContext;

import org.scriptorium.themes.application.ThemeRegistry;
import org.scriptorium.themes.domain.ThemeDescriptor;

/** The active theme for templates: {@code template="#{theme.template('article')}"}. */
@Named("theme")
@RequestScoped
public class ThemeView {

    @Inject
    private ThemeRegistry registry;

    @Inject
    private ServletContext servletContext;

    private ThemeDescriptor active;

    private ThemeDescriptor active() {
        if (active == null) {
            active = registry.active();
        }
        return active;
    }

    public String template(String name) {
        return registry.templatePath(active(), name);
    }

    public String getId() {
        return active().id();
    }

    public List<String> getStylesheets() {
        String base = servletContext.getContextPath() + "/themes/" + active().id() + "/";
        return active().stylesheets().stream().map(s -> base + s).toList();
    }
}
