package org.scriptorium.content.application;

/**
 * A category's or tag's text in one language as typed: name, slug (empty to make one from the name) and,
 * for categories, a description. An empty name removes the language.
 */
public record StructureText(String name, String slug, String description) {

    public boolean isBlank() {
        return blank(name) && blank(slug) && blank(description);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
