package org.scriptorium.content.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A short hash of each translatable field of a translation. Two fingerprints differ exactly in the fields
 * whose text differs, which is what outdated-translation detection needs without keeping the old text.
 */
public record FieldFingerprint(Map<String, String> hashes) {

    public static final Set<String> FIELDS = Set.of("title", "excerpt", "body", "seoTitle", "seoDescription");

    public static FieldFingerprint of(Map<String, String> fieldValues) {
        Map<String, String> hashes = new LinkedHashMap<>();
        new TreeSet<>(fieldValues.keySet()).forEach(f -> hashes.put(f, hash(fieldValues.get(f))));
        return new FieldFingerprint(hashes);
    }

    /** The fields whose text differs between this fingerprint and another. */
    public Set<String> changedFields(FieldFingerprint other) {
        Set<String> changed = new TreeSet<>();
        Set<String> all = new TreeSet<>(hashes.keySet());
        all.addAll(other.hashes.keySet());
        for (String field : all) {
            if (!String.valueOf(hashes.get(field)).equals(String.valueOf(other.hashes.get(field)))) {
                changed.add(field);
            }
        }
        return changed;
    }

    public String encode() {
        StringBuilder sb = new StringBuilder();
        hashes.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ";").append(k).append('=').append(v));
        return sb.toString();
    }

    public static FieldFingerprint decode(String encoded) {
        Map<String, String> hashes = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String part : encoded.split(";")) {
                int eq = part.indexOf('=');
                hashes.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return new FieldFingerprint(hashes);
    }

    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
