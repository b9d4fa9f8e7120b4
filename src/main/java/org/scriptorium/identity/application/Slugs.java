package org.scriptorium.identity.application;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Turns names into URL segments: lower-case ASCII letters, digits and hyphens. Accents are dropped
 * ("è" becomes "e"), letters with no decomposition are transliterated ("ß" "ss", "æ" "ae", "ø" "o",
 * "ł" "l", "þ" "th", "œ" "oe"), as are Cyrillic and Greek letters, so that a title in any of the site's
 * languages gives a readable address.
 */
public final class Slugs {

    private static final Map<Character, String> LETTERS = Map.ofEntries(
            Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('ø', "o"), Map.entry('ł', "l"), Map.entry('đ', "d"),
            Map.entry('þ', "th"), Map.entry('ð', "d"), Map.entry('œ', "oe"), Map.entry('ı', "i"), Map.entry('ħ', "h"),
            // Cyrillic (Russian, Ukrainian, Serbian and Bulgarian letters), a readable scientific-style transliteration
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('ґ', "g"),
            Map.entry('д', "d"), Map.entry('ђ', "dj"), Map.entry('е', "e"), Map.entry('ё', "e"), Map.entry('є', "ye"),
            Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "i"), Map.entry('і', "i"), Map.entry('ї', "yi"),
            Map.entry('й', "y"), Map.entry('ј', "j"), Map.entry('к', "k"), Map.entry('л', "l"), Map.entry('љ', "lj"),
            Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('њ', "nj"), Map.entry('о', "o"), Map.entry('п', "p"),
            Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('ћ', "c"), Map.entry('у', "u"),
            Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"), Map.entry('џ', "dz"),
            Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', ""), Map.entry('ы', "y"), Map.entry('ь', ""),
            Map.entry('э', "e"), Map.entry('ю', "yu"), Map.entry('я', "ya"),
            // Greek
            Map.entry('α', "a"), Map.entry('β', "v"), Map.entry('γ', "g"), Map.entry('δ', "d"), Map.entry('ε', "e"),
            Map.entry('ζ', "z"), Map.entry('η', "i"), Map.entry('θ', "th"), Map.entry('ι', "i"), Map.entry('κ', "k"),
            Map.entry('λ', "l"), Map.entry('μ', "m"), Map.entry('ν', "n"), Map.entry('ξ', "x"), Map.entry('ο', "o"),
            Map.entry('π', "p"), Map.entry('ρ', "r"), Map.entry('σ', "s"), Map.entry('ς', "s"), Map.entry('τ', "t"),
            Map.entry('υ', "y"), Map.entry('φ', "f"), Map.entry('χ', "ch"), Map.entry('ψ', "ps"), Map.entry('ω', "o"));

    private Slugs() {
    }

    public static String of(String text) {
        String lower = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        String plain = Normalizer.normalize(transliterate(lower), Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String s = transliterate(plain).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (s.length() > 80) {
            s = s.substring(0, 80).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "n-a" : s;
    }

    /** Letters that have no accent-free decomposition, and whole scripts, replaced by Latin letters. */
    private static String transliterate(String lower) {
        StringBuilder sb = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            String replacement = LETTERS.get(c);
            sb.append(replacement != null ? replacement : String.valueOf(c));
        }
        return sb.toString();
    }
}
