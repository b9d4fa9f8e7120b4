package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;
import org.scriptorium.testing.DatabaseNeutral;

/**
 * Every string of the Big List of Naughty Strings ({@code ../shared/data/blns/blns.json}) as a slug, a
 * category path, a page number and a query parameter: the site answers 200, 301, 302, 400 or 404, never 500,
 * and never echoes markup back unescaped.
 */
@DatabaseNeutral
class BadInputIT {

    private static final Set<Integer> ACCEPTABLE = Set.of(200, 301, 302, 400, 404);
    private static PayaraProcess site;

    @BeforeAll
    static void start() {
        site = RunningSite.get();
    }

    static List<String> naughtyStrings() throws IOException {
        Path file = Path.of(System.getProperty("shared.dir", "../shared"), "data", "blns", "blns.json");
        String json = Files.readString(file);
        List<String> strings = new ArrayList<>();
        Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        while (m.find()) {
            strings.add(unescapeJson(m.group(1)));
        }
        assertThat(strings).hasSizeGreaterThan(400);
        return strings;
    }

    private static String unescapeJson(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(n);
            }
        }
        return out.toString();
    }

    private static String path(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void naughtyStringsInUrlsNeverBreakThePageOrComeBackUnescaped() throws Exception {
        Browserless b = new Browserless(site.baseUrl());
        String article = PublicSiteIT.firstArticleLink(b.get("/it/").body(), "it");
        List<String> failures = new ArrayList<>();
        for (String s : naughtyStrings()) {
            String enc = path(s);
            for (String url : List.of("/it/" + enc, "/it/category/" + enc, "/es/tag/" + enc, "/de/author/" + enc,
                    "/it/?page=" + enc, "/fr/category/technologie?page=" + enc, "/it/category/tecnologia/" + enc, "/en/feed?q=" + enc, article + "?q=" + enc, "/" + enc + "/")) {
                HttpResponse<String> r;
                try {
                    r = b.get(url);
                } catch (IllegalArgumentException unsendable) {
                    continue;
                }
                if (!ACCEPTABLE.contains(r.statusCode())) {
                    failures.add(r.statusCode() + " " + url);
                } else if (s.contains("<") && s.length() > 3 && r.body().contains(s)) {
                    failures.add("reflected unescaped: " + url);
                } else if (r.statusCode() == 404 && !r.body().contains("<html")) {
                    failures.add("404 without a page: " + url);
                }
            }
        }
        assertThat(failures).isEmpty();
    }
}
