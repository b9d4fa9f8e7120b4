package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;

/**
 * Every string of the Big List of Naughty Strings in every field of the article editor: the save never breaks
 * the page, the text fields come back exactly as typed (leading and trailing blanks trimmed, control characters
 * other than tab and line breaks dropped), escaped in the HTML, and the preview renders; bodies carrying
 * scripts, event handlers or {@code javascript:} links are stored without them.
 */
class EditorBadInputIT {

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);");
    private static final List<String> TEXT_FIELDS = List.of("title", "excerpt", "seoTitle", "seoDescription", "imageAlt");
    private static PayaraProcess site;

    @BeforeAll
    static void start() {
        site = RunningSite.get();
    }

    private static Browserless loggedIn() throws Exception {
        Browserless b = new Browserless(site.baseUrl());
        HttpResponse<String> form = b.get("/backoffice/login", "Accept-Language", "en");
        assertThat(b.submit(form, "login", Map.of("email", RunningSite.ADMIN_EMAIL, "password", RunningSite.ADMIN_PASSWORD),
                "submit", "X-Forwarded-For", "192.0.2.99").statusCode()).isEqualTo(302);
        return b;
    }

    /** What the editor shows in a field: the input's value or the textarea's content, entities decoded. */
    static String shown(String html, String field) {
        Matcher input = Pattern.compile("<input id=\"editor:" + field + "\"[^>]*?value=\"([^\"]*)\"").matcher(html);
        if (input.find()) {
            return decode(input.group(1));
        }
        Matcher area = Pattern.compile("(?s)<textarea id=\"editor:" + field + "\"[^>]*>(.*?)</textarea>").matcher(html);
        if (area.find()) {
            String text = decode(area.group(1));
            return text.startsWith("\n") ? text.substring(1) : text;
        }
        return "";
    }

    static String decode(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String c = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> "\u00a0";
                default -> e.startsWith("#x") ? new String(Character.toChars(Integer.parseInt(e.substring(2), 16)))
                        : e.startsWith("#") ? new String(Character.toChars(Integer.parseInt(e.substring(1)))) : m.group();
            };
            m.appendReplacement(out, Matcher.quoteReplacement(c));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static long idOf(HttpResponse<String> redirect) {
        Matcher m = Pattern.compile("[?&]id=(\\d+)").matcher(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void everyNaughtyStringInEveryEditorFieldIsStoredAndShownBackExactlyAndNeverBreaksAPage() throws Exception {
        Browserless editor = loggedIn();
        HttpResponse<String> created = editor.submit(editor.get("/backoffice/article?lang=it"), "editor",
                Map.of("title", "Stringhe cattive", "body", "<p>x</p>"), "save");
        assertThat(created.statusCode()).isEqualTo(302);
        long id = idOf(created);
        String editorPath = "/backoffice/article?id=" + id + "&lang=it";
        HttpResponse<String> page = editor.get(editorPath);
        List<String> mismatches = new ArrayList<>();
        int n = 0;
        for (String naughty : BadInputIT.naughtyStrings()) {
            n++;
            Map<String, String> fields = new LinkedHashMap<>();
            TEXT_FIELDS.forEach(f -> fields.put(f, naughty));
            fields.put("body", naughty);
            fields.put("tags", naughty);
            fields.put("slug", naughty);
            HttpResponse<String> saved = editor.submit(page, "editor", fields, "save");
            assertThat(saved.statusCode()).as("save of #" + n).isIn(200, 302);
            String expected = CONTROL.matcher(naughty).replaceAll("").strip();
            if (saved.statusCode() == 200) {
                assertThat(saved.body()).as("#" + n + " refused with a reason").contains("class=\"bo-error\"");
                for (String f : TEXT_FIELDS) {
                    if (!shown(saved.body(), f).equals(naughty) && !shown(saved.body(), f).equals(expected)) {
                        mismatches.add("#" + n + " refused but lost " + f);
                    }
                }
                page = editor.get(editorPath);
                continue;
            }
            page = editor.get(saved.headers().firstValue("Location").orElseThrow());
            assertThat(page.statusCode()).as("editor after #" + n).isEqualTo(200);
            for (String f : TEXT_FIELDS) {
                String shown = shown(page.body(), f);
                if (!shown.equals(expected)) {
                    mismatches.add("#" + n + " " + f + ": typed " + naughty + " shown " + shown);
                }
            }
            String body = shown(page.body(), "body").toLowerCase();
            assertThat(body).as("body of #" + n).doesNotContain("<script", "<iframe", "<object", "<embed")
                    .doesNotContainPattern("<[^>]*\\son[a-z]+\\s*=").doesNotContainPattern("<[^>]*(href|src)=\"\\s*(javascript|data|vbscript):");
            if (n % 10 == 0) {
                HttpResponse<String> preview = editor.get("/backoffice/preview?id=" + id + "&lang=it");
                assertThat(preview.statusCode()).as("preview after #" + n).isEqualTo(200);
                assertThat(preview.body()).as("preview after #" + n).doesNotContain("<script>alert", "onerror=\"alert");
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(editor.get("/backoffice/revisions?id=" + id + "&lang=it").statusCode()).isEqualTo(200);
        assertThat(editor.get("/backoffice/translations").statusCode()).isEqualTo(200);
        assertThat(editor.get("/backoffice/articles?q=" + java.net.URLEncoder.encode("<script>", java.nio.charset.StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void scriptsEventHandlersAndJavascriptLinksAreSanitisedAway() throws Exception {
        Browserless editor = loggedIn();
        String dirty = "<p onmouseover=\"steal()\">Ciao <a href=\"javascript:alert(1)\">uno</a> <a href=\"JaVaScRiPt:alert(2)\">due</a>"
                + " <a href=\"https://example.org/\" onclick=\"x()\">tre</a></p><script>alert('x')</script>"
                + "<img src=\"x\" onerror=\"alert(3)\"><svg onload=\"alert(4)\"></svg><iframe src=\"javascript:alert(5)\"></iframe>"
                + "<style>body{display:none}</style><a href=\"data:text/html,<script>alert(6)</script>\">sei</a>";
        HttpResponse<String> saved = editor.submit(editor.get("/backoffice/article?lang=it"), "editor",
                Map.of("title", "Pulizia " + System.nanoTime(), "body", dirty), "publish");
        assertThat(saved.statusCode()).isEqualTo(302);
        HttpResponse<String> page = editor.get(saved.headers().firstValue("Location").orElseThrow());
        String body = shown(page.body(), "body");
        assertThat(body).contains("Ciao", "uno", "due", "tre", "href=\"https://example.org/\"")
                .doesNotContainIgnoringCase("javascript:").doesNotContain("onmouseover", "onclick", "onerror", "onload", "<script",
                        "<iframe", "<style", "<svg", "data:text/html", "alert(");
        String slug = shown(page.body(), "slug");
        HttpResponse<String> pub = new Browserless(site.baseUrl()).get("/it/" + slug);
        assertThat(pub.statusCode()).isEqualTo(200);
        assertThat(pub.body()).doesNotContain("steal()", "alert(1)", "alert(3)", "alert(4)", "alert(5)", "alert(6)");
    }
}
