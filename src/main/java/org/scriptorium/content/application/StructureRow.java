package org.scriptorium.content.application;

import java.util.Map;

/**
 * A category or tag as the back office lists it.
 *
 * @param depth    0 for a top-level category (always 0 for tags)
 * @param parentId the parent category, or null
 * @param texts    language code to its text
 */
public record StructureRow(long id, int depth, Long parentId, int position, Map<String, StructureText> texts) {

    /** The name in a language, or in the first language that has one, for labels. */
    public String label(String language) {
        StructureText own = texts.get(language);
        if (own != null) {
            return own.name();
        }
        return texts.values().stream().map(StructureText::name).findFirst().orElse("#" + id);
    }
}
