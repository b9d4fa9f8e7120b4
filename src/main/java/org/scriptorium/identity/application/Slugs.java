package org.scriptorium.identity.application;

import java.text.Normalizer;
import java.util.Locale;

/** Turns names into URL segments: lower-case ASCII letters, digits and hyphens. */
public final class Slugs {

    private Slugs() {
    }

    public static String of(String text) {
        String s = text == null ? "" : text.replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("ł", "l");
        s = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (s.length() > 80) {
            s = s.substring(0, 80).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "n-a" : s;
    }
}
