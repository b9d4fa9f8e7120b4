package org.scriptorium.content.application;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level comparison of two texts (Myers' algorithm over words, spaces and punctuation), as the
 * segments a reader sees: unchanged, removed and added text. HTML bodies are compared as the text a reader
 * reads ({@link #readable(String)}): block ends become line breaks, tags go and entities are decoded. The
 * segments are plain text; the page escapes them like any other text.
 */
public final class TextDiff {

    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}\\p{M}_]+|.", Pattern.DOTALL);
    private static final Pattern BLOCK_END = Pattern.compile("(?i)</(p|h[1-6]|li|blockquote|pre|tr|figcaption|div)>|<br\\s*/?>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final int MAX_TOKENS = 60_000;

    /** What happened to a run of text. */
    public enum Kind {
        SAME, REMOVED, ADDED
    }

    /** A run of text that is the same in both, only in the old, or only in the new. */
    public record Segment(Kind kind, String text) {

        public boolean isSame() {
            return kind == Kind.SAME;
        }

        public boolean isRemoved() {
            return kind == Kind.REMOVED;
        }

        public boolean isAdded() {
            return kind == Kind.ADDED;
        }
    }

    private TextDiff() {
    }

    /** The segments that turn {@code before} into {@code after}; adjacent runs of one kind are joined. */
    public static List<Segment> compare(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<Segment> out = new ArrayList<>();
        add(out, Kind.SAME, a.subList(0, prefix));
        List<String> midA = a.subList(prefix, a.size() - suffix);
        List<String> midB = b.subList(prefix, b.size() - suffix);
        if (midA.size() + midB.size() > MAX_TOKENS) {
            add(out, Kind.REMOVED, midA);
            add(out, Kind.ADDED, midB);
        } else {
            myers(midA, midB, out);
        }
        add(out, Kind.SAME, a.subList(a.size() - suffix, a.size()));
        return out;
    }

    /** Whether the two texts differ at all. */
    public static boolean changed(List<Segment> segments) {
        return segments.stream().anyMatch(s -> !s.isSame());
    }

    /** The text a reader reads in an HTML fragment, one block per line. */
    public static String readable(String html) {
        if (html == null) {
            return "";
        }
        String text = BLOCK_END.matcher(html).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&#34;", "\"").replace("&#43;", "+").replace("&#61;", "=")
                .replace("&#64;", "@").replace("&#96;", "`").replace("&amp;", "&");
        return text.replaceAll("[ \\t]*\\n[\\s]*", "\n").strip();
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Myers' O((N+M)D) shortest edit script, traced back into segments. */
    private static void myers(List<String> a, List<String> b, List<Segment> out) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        if (max == 0) {
            return;
        }
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int dFound = -1;
        for (int d = 0; d <= max && dFound < 0; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x;
                if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
                    x = v[offset + k + 1];
                } else {
                    x = v[offset + k - 1] + 1;
                }
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    dFound = d;
                    break;
                }
            }
        }
        List<Segment> reversed = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = dFound; d > 0; d--) {
            int[] vd = trace.get(d);
            int k = x - y;
            int prevK = (k == -d || (k != d && vd[offset + k - 1] < vd[offset + k + 1])) ? k + 1 : k - 1;
            int prevX = vd[offset + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                reversed.add(new Segment(Kind.SAME, a.get(x - 1)));
                x--;
                y--;
            }
            if (x == prevX) {
                reversed.add(new Segment(Kind.ADDED, b.get(y - 1)));
            } else {
                reversed.add(new Segment(Kind.REMOVED, a.get(x - 1)));
            }
            x = prevX;
            y = prevY;
        }
        while (x > 0 && y > 0) {
            reversed.add(new Segment(Kind.SAME, a.get(x - 1)));
            x--;
            y--;
        }
        Collections.reverse(reversed);
        for (Segment s : reversed) {
            add(out, s.kind(), List.of(s.text()));
        }
    }

    private static void add(List<Segment> out, Kind kind, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        if (!out.isEmpty() && out.get(out.size() - 1).kind() == kind) {
            Segment last = out.remove(out.size() - 1);
            out.add(new Segment(kind, last.text() + text));
        } else {
            out.add(new Segment(kind, text));
        }
    }
}
