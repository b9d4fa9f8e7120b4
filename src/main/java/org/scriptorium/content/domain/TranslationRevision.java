package org.scriptorium.content.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of a translation as one save left it, read from the content history.
 *
 * @param number   the history's revision number (rises across all content, in the order of the saves)
 * @param savedAt  when the save happened
 * @param savedBy  the login e-mail of who saved, empty when unknown
 * @param revision the translation's own text revision at that point (see {@link ArticleTranslation#getRevision()})
 */
public record TranslationRevision(long number, Instant savedAt, String savedBy, int revision, String title, String slug,
                                  String excerpt, String body, String seoTitle, String seoDescription,
                                  PublicationStatus status) {

    /** The translatable fields by name, in the editor's order (names as in {@link FieldFingerprint#FIELDS}). */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", nz(title));
        fields.put("excerpt", nz(excerpt));
        fields.put("body", nz(body));
        fields.put("seoTitle", nz(seoTitle));
        fields.put("seoDescription", nz(seoDescription));
        return fields;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
