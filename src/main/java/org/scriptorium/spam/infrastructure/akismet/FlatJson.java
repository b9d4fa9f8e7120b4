package org.scriptorium.spam.infrastructure.akismet;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A strict reader for the one JSON shape Akismet's usage-limit returns: a flat object whose values are
 * strings, numbers, booleans or null. Nested values are rejected. Kept here so that the client needs no
 * JSON library at runtime.
 */
final class FlatJson {

    private final String text;
    private int pos;

    private FlatJson(String text) {
        this.text = text;
    }

    /**
     * Parses a flat object; numbers come back as their literal text, strings unescaped, booleans as
     * {@link Boolean}, null as {@code null}.
     *
     * @throws IllegalArgumentException if the text is not such an object
     */
    static Map<String, Object> parseObject(String text) {
        FlatJson p = new FlatJson(text);
        Map<String, Object> result = p.object();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.fail("text after the object");
        }
        return result;
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        skipSpace();
        expect('{');
        skipSpace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipSpace();
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            map.put(key, value());
            skipSpace();
            char c = next();
            if (c == '}') {
                return map;
            }
            if (c != ',') {
                throw fail("expected , or }");
            }
        }
    }

    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            int start = pos;
            while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            String number = text.substring(start, pos);
            try {
                new java.math.BigDecimal(number);
            } catch (NumberFormatException e) {
                throw fail("bad number " + number);
            }
            return new JsonNumber(number);
        }
        if (text.startsWith("true", pos)) {
            pos += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("false", pos)) {
            pos += 5;
            return Boolean.FALSE;
        }
        if (text.startsWith("null", pos)) {
            pos += 4;
            return null;
        }
        throw fail("unsupported value");
    }

    private String string() {
        expect('"');
        StringBuilder s = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return s.toString();
            }
            if (c < 0x20) {
                throw fail("control character in string");
            }
            if (c != '\\') {
                s.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> s.append(e);
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw fail("short unicode escape");
                    }
                    try {
                        s.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw fail("bad unicode escape");
                    }
                    pos += 4;
                }
                default -> throw fail("bad escape");
            }
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw fail("unexpected end");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw fail("expected " + c);
        }
    }

    private IllegalArgumentException fail(String what) {
        return new IllegalArgumentException("Not a flat JSON object (" + what + " at " + pos + ")");
    }

    /** A JSON number, kept as its literal text so that no precision is lost. */
    record JsonNumber(String literal) {
    }
}
