package org.scriptorium.themes.domain;

import java.util.List;

/**
 * What a theme folder says about itself in its {@code theme.properties}: a name and description to show
 * in the settings, a preview image, its stylesheets and the templates it provides.
 *
 * @param id          the folder name under {@code themes/}
 * @param stylesheets paths relative to the theme folder
 * @param templates   template names; each is {@code templates/NAME.xhtml} in the theme folder
 */
public record ThemeDescriptor(String id, String name, String description, String preview,
                              List<String> stylesheets, List<String> templates) {

    public boolean provides(String template) {
        return templates.contains(template);
    }
}
