package org.scriptorium.themes.domain;

import java.util.List;

/** The themes that are installed. */
public interface ThemeCatalog {

    List<ThemeDescriptor> findAll();
}
