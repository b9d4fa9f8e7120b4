package org.scriptorium.themes.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;

import org.scriptorium.themes.domain.ThemeCatalog;
import org.scriptorium.themes.domain.ThemeDescriptor;

/** Reads the theme folders packaged into the WAR under {@code /themes/}, each with its {@code theme.properties}. */
@ApplicationScoped
public class WebappThemeCatalog implements ThemeCatalog {

    @Inject
    private ServletContext servletContext;

    @Override
    public List<ThemeDescriptor> findAll() {
        Set<String> paths = servletContext.getResourcePaths("/themes/");
        List<ThemeDescriptor> themes = new ArrayList<>();
        if (paths == null) {
            return themes;
        }
        for (String folder : new TreeSet<>(paths)) {
            if (!folder.endsWith("/")) {
                continue;
            }
            String id = folder.substring("/themes/".length(), folder.length() - 1);
            try (InputStream in = servletContext.getResourceAsStream(folder + "theme.properties")) {
                if (in == null) {
                    continue;
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                themes.add(new ThemeDescriptor(id, p.getProperty("name", id), p.getProperty("description", ""),
                        p.getProperty("preview", ""), list(p.getProperty("stylesheets")), list(p.getProperty("templates"))));
            } catch (IOException e) {
                throw new UncheckedIOException(folder, e);
            }
        }
        return themes;
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
