package org.scriptorium.search.infrastructure;

import java.util.ArrayList;
import java.util.List;

/** The names of the fields of a translation's search document; see {@link TranslationBinder}. */
public final class SearchFields {

    /** The name of the index of article translations. */
    public static final String INDEX = "article_translation";
    /** Every analyser that has text fields: the site languages and the fallback. */
    public static final List<String> ANALYZERS;

    static {
        List<String> all = new ArrayList<>(ScriptoriumAnalysis.LANGUAGES);
        all.add(ScriptoriumAnalysis.FALLBACK);
        ANALYZERS = List.copyOf(all);
    }

    public static final String LANGUAGE = "language";
    public static final String STATUS = "status";
    public static final String ARTICLE_ID = "articleId";
    public static final String SLUG = "slug";
    public static final String DISPLAY_TITLE = "displayTitle";
    public static final String EXCERPT = "excerpt";
    public static final String PUBLISH_AT = "publishAt";
    public static final String DATE = "date";
    public static final String YEAR = "year";
    public static final String CATEGORY = "category";
    public static final String TAG = "tag";

    private SearchFields() {
    }

    /** The analysed title field for an analyser name. */
    public static String title(String analyzer) {
        return "title_" + analyzer;
    }

    /** The analysed body field for an analyser name. */
    public static String body(String analyzer) {
        return "body_" + analyzer;
    }
}
