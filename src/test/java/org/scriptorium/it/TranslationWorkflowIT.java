package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;
import org.scriptorium.testing.SiteUsers;

/**
 * The editor's preview, revisions and translation workflow against the running WAR, and what translators and
 * authors may reach: the preview renders a draft through the public theme for back-office users only and is
 * not indexable; every save is a revision that can be compared and restored; a translator translates only into
 * their languages, from the source shown beside the form; an author reaches only their own articles.
 */
class TranslationWorkflowIT {

    private static final String TRANSLATOR = "tina.it-es@scriptorium.test";
    private static final String TRANSLATOR_PASSWORD = "traduzione sicura 2026";
    private static final String AUTHOR = "otto.author@scriptorium.test";
    private static final String AUTHOR_PASSWORD = "autore sicuro 2026";
    private static final Pattern ID = Pattern.compile("[?&]id=(\\d+)");
    private static PayaraProcess site;

    @BeforeAll
    static void start() {
        site = RunningSite.get();
        SiteUsers.ensure(TRANSLATOR, "Tina Traductora", TRANSLATOR_PASSWORD, Set.of(Role.TRANSLATOR), Set.of("es"));
        SiteUsers.ensure(AUTHOR, "Otto Autor", AUTHOR_PASSWORD, Set.of(Role.AUTHOR), Set.of());
    }

    static Browserless loggedIn(String email, String password, String address) throws Exception {
        Browserless b = new Browserless(site.baseUrl());
        HttpResponse<String> form = b.get("/backoffice/login", "Accept-Language", "en");
        HttpResponse<String> after = b.submit(form, "login", Map.of("email", email, "password", password), "submit",
                "X-Forwarded-For", address);
        assertThat(after.statusCode()).as("login of " + email).isEqualTo(302);
        return b;
    }

    private static long idOf(HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        Matcher m = ID.matcher(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static Map<String, String> fields(String title, String body) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", title);
        f.put("excerpt", "");
        f.put("body", body);
        f.put("tags", "");
        f.put("seoTitle", "");
        f.put("seoDescription", "");
        return f;
    }

    @Test
    void thePreviewRendersADraftThroughTheThemeForTheBackOfficeOnly() throws Exception {
        Browserless editor = loggedIn(RunningSite.ADMIN_EMAIL, RunningSite.ADMIN_PASSWORD, "192.0.2.90");
        String title = "Bozza in anteprima " + System.nanoTime();
        HttpResponse<String> saved = editor.submit(editor.get("/backoffice/article?lang=it"), "editor",
                fields(title, "<p>Testo <em>non ancora</em> pubblicato</p>"), "save");
        long id = idOf(saved);
        HttpResponse<String> edited = editor.get("/backoffice/article?id=" + id + "&lang=it");
        String slug = edited.body().replaceAll("(?s).*id=\"editor:slug\"[^>]*value=\"([^\"]*)\".*", "$1");

        HttpResponse<String> preview = editor.get("/backoffice/preview?id=" + id + "&lang=it");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("X-Robots-Tag")).hasValueSatisfying(v -> assertThat(v).contains("noindex"));
        assertThat(preview.body()).contains(title).contains("<em>non ancora</em>").contains("<meta name=\"robots\" content=\"noindex")
                .contains("class=\"language-bar\"").containsPattern("<html[^>]* lang=\"it\"");

        assertThat(new Browserless(site.baseUrl()).get("/it/" + slug).statusCode()).as("a draft is not public").isEqualTo(404);
        HttpResponse<String> anonymous = new Browserless(site.baseUrl()).get("/backoffice/preview?id=" + id + "&lang=it");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/backoffice/login"));
        Browserless author = loggedIn(AUTHOR, AUTHOR_PASSWORD, "192.0.2.91");
        assertThat(author.get("/backoffice/preview?id=" + id + "&lang=it").statusCode()).as("not their article").isEqualTo(403);
        assertThat(editor.get("/backoffice/preview?id=" + id + "&lang=fr").statusCode()).isEqualTo(404);
        assertThat(editor.get("/backoffice/preview?id=x&lang=it").statusCode()).isEqualTo(404);
    }

    @Test
    void everySaveIsARevisionThatCanBeComparedAndRestored() throws Exception {
        Browserless editor = loggedIn(RunningSite.ADMIN_EMAIL, RunningSite.ADMIN_PASSWORD, "192.0.2.92");
        String stamp = String.valueOf(System.nanoTime());
        long id = idOf(editor.submit(editor.get("/backoffice/article?lang=it"), "editor",
                fields("Prima stesura " + stamp, "<p>Il gatto dorme.</p>"), "save"));
        HttpResponse<String> second = editor.submit(editor.get("/backoffice/article?id=" + id + "&lang=it"), "editor",
                Map.of("title", "Seconda stesura " + stamp, "body", "<p>Il gatto dorme <b>sul divano</b> &amp; sogna.</p>"), "save");
        assertThat(second.statusCode()).isEqualTo(302);

        HttpResponse<String> revisions = editor.get("/backoffice/revisions?id=" + id + "&lang=it");
        assertThat(revisions.statusCode()).isEqualTo(200);
        assertThat(revisions.body()).contains("<del>Prima</del>").contains("<ins>Seconda</ins>")
                .containsPattern("<ins>\\s*sul divano &amp; sogna\\s*</ins>").doesNotContain("<b>sul divano</b>")
                .contains(RunningSite.ADMIN_EMAIL);

        HttpResponse<String> restored = editor.submit(revisions, "history", Map.of(), "rows:1:restore");
        assertThat(restored.statusCode()).isEqualTo(302);
        HttpResponse<String> after = editor.get(restored.headers().firstValue("Location").orElseThrow());
        assertThat(after.body()).contains("value=\"Prima stesura " + stamp + "\"").contains("id=\"saved\"");
        assertThat(editor.get("/backoffice/revisions?id=" + id + "&lang=it").body()).contains("data-revision=").containsPattern(
                "(?s)(data-revision=.*){3}");
        assertThat(new Browserless(site.baseUrl()).get("/backoffice/revisions?id=" + id + "&lang=it").statusCode()).isEqualTo(302);
    }

    @Test
    void translatorsTranslateOnlyIntoTheirLanguagesAndAuthorsReachOnlyTheirOwnArticles() throws Exception {
        Browserless editor = loggedIn(RunningSite.ADMIN_EMAIL, RunningSite.ADMIN_PASSWORD, "192.0.2.93");
        String stamp = String.valueOf(System.nanoTime());
        long id = idOf(editor.submit(editor.get("/backoffice/article?lang=it"), "editor",
                fields("Da tradurre " + stamp, "<p>Il testo originale.</p>"), "publish"));

        Browserless translator = loggedIn(TRANSLATOR, TRANSLATOR_PASSWORD, "192.0.2.94");
        assertThat(translator.get("/backoffice/article?id=" + id + "&lang=fr&from=it").statusCode()).isEqualTo(403);
        assertThat(translator.get("/backoffice/article?id=" + id + "&lang=it").statusCode()).isEqualTo(403);
        assertThat(translator.get("/backoffice/revisions?id=" + id + "&lang=it").statusCode()).isEqualTo(403);
        assertThat(translator.get("/backoffice/users").statusCode()).isEqualTo(403);

        HttpResponse<String> matrix = translator.get("/backoffice/translations");
        assertThat(matrix.statusCode()).isEqualTo(200);
        assertThat(matrix.body()).contains("href=\"/backoffice/article?id=" + id + "&amp;lang=es&amp;from=it\"")
                .doesNotContain("href=\"/backoffice/article?id=" + id + "&amp;lang=fr&amp;from=it\"");

        HttpResponse<String> prefilled = translator.get("/backoffice/article?id=" + id + "&lang=es&from=it");
        assertThat(prefilled.statusCode()).isEqualTo(200);
        assertThat(prefilled.body()).contains("id=\"source\"").contains("Il testo originale.")
                .contains("value=\"Da tradurre " + stamp + "\"");
        HttpResponse<String> published = translator.submit(prefilled, "editor",
                Map.of("title", "Para traducir " + stamp, "body", "<p>El texto traducido.</p>"), "publish");
        assertThat(published.statusCode()).isEqualTo(302);
        HttpResponse<String> spanish = translator.get(published.headers().firstValue("Location").orElseThrow());
        assertThat(spanish.body()).contains("id=\"source\"").doesNotContain("id=\"outdated\"");

        editor.submit(editor.get("/backoffice/article?id=" + id + "&lang=it"), "editor",
                Map.of("title", "Da tradurre di nuovo " + stamp), "save");
        HttpResponse<String> outdated = translator.get("/backoffice/article?id=" + id + "&lang=es", "Accept-Language", "en");
        assertThat(outdated.body()).contains("id=\"outdated\"").contains("Changed fields: Title.")
                .containsPattern("<ins>\\s*di nuovo\\s*</ins>");
        assertThat(translator.get("/backoffice/translations").body()).contains("data-state=\"OUTDATED\"");
        HttpResponse<String> marked = translator.submit(outdated, "uptodate", Map.of(), "mark");
        assertThat(marked.statusCode()).isEqualTo(302);
        assertThat(translator.get("/backoffice/article?id=" + id + "&lang=es").body()).doesNotContain("id=\"outdated\"");

        Browserless author = loggedIn(AUTHOR, AUTHOR_PASSWORD, "192.0.2.95");
        assertThat(author.get("/backoffice/article?id=" + id + "&lang=it").statusCode()).isEqualTo(403);
        assertThat(author.get("/backoffice/revisions?id=" + id + "&lang=it").statusCode()).isEqualTo(403);
        long own = idOf(author.submit(author.get("/backoffice/article?lang=de"), "editor",
                fields("Mein eigener Artikel " + stamp, "<p>Text</p>"), "save"));
        assertThat(author.get("/backoffice/article?id=" + own + "&lang=de").statusCode()).isEqualTo(200);
        assertThat(author.get("/backoffice/translations").body()).contains("data-article=\"" + own + "\"")
                .doesNotContain("data-article=\"" + id + "\"");
    }
}
