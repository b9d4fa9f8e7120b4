package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.i18n.application.UiTexts;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;

/**
 * Each role x each back-office page and action: allowed or denied as designed. One user per role is created
 * through the users page; each then opens every page (allowed: 200, denied: 403) and performs every action
 * (allowed: the real form is submitted and not refused). A denied action is a crafted POST that passes the
 * CSRF rules, so that only the role guard can stop it: it carries a valid view state (the action's own page
 * when the role may open it, otherwise the role's profile page) and the site's {@code Origin}. Where the role
 * may not open the page, the POST is refused with 403 before any page code runs; where it may open the page
 * but not act (a form rendered for administrators only), the action must not happen.
 *
 * <p>To cover a new page, add a {@link Page} row; for a new form, an {@link Action} row. In an action's path
 * and fields, {@code %c} becomes the id of a comment posted for the attempt and {@code %q} its unique text.
 */
class RoleMatrixIT {

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> WRITERS = EnumSet.of(Role.ADMIN, Role.EDITOR, Role.AUTHOR, Role.TRANSLATOR);
    private static final Set<Role> STRUCTURE = EnumSet.of(Role.ADMIN, Role.EDITOR);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
    /** Who may start a new article: translators only translate existing ones. */
    private static final Set<Role> AUTHORS = EnumSet.of(Role.ADMIN, Role.EDITOR, Role.AUTHOR);
    private static final Set<Role> MEDIA = EnumSet.of(Role.ADMIN, Role.EDITOR, Role.AUTHOR);
    private static final Set<Role> MODERATION = EnumSet.of(Role.ADMIN, Role.EDITOR, Role.MODERATOR);

    /** A page opened with GET by each role. */
    record Page(String path, Set<Role> allowed) {
    }

    /**
     * A form submitted by each role: the page holding it, the form id, the button id and the fields to fill
     * ({@code %n} in a value becomes a number unique to the run, so that creations do not clash). {@code enter}
     * are the roles the page's address lets in (by default those allowed to act): a role among them that may not
     * act is stopped by the page or its service instead of a 403. {@code upload} sends a PNG in the form's
     * {@code file} field as a multipart POST.
     */
    record Action(String name, String path, String form, String button, Map<String, String> fields, Set<Role> allowed,
                  Set<Role> enter, boolean upload) {

        Action(String name, String path, String form, String button, Map<String, String> fields, Set<Role> allowed) {
            this(name, path, form, button, fields, allowed, allowed, false);
        }

        boolean needsComment() {
            return (path + fields).contains("%c") || (path + fields).contains("%q");
        }
    }

    private static final String COMMENT = "/backoffice/comment?id=%c";
    private static final String QUEUE = "/backoffice/comments?tab=PENDING&q=%q";

    static final List<Page> PAGES = List.of(
            new Page("/backoffice/", ALL),
            new Page("/backoffice/profile", ALL),
            new Page("/backoffice/articles", WRITERS),
            new Page("/backoffice/translations", WRITERS),
            new Page("/backoffice/media", MEDIA),
            new Page("/backoffice/comments", MODERATION),
            new Page("/backoffice/comments/settings", ADMIN),
            new Page("/backoffice/submissions", STRUCTURE),
            new Page("/backoffice/submissions-settings", STRUCTURE),
            new Page("/backoffice/search", STRUCTURE),
            new Page("/backoffice/newsletter", STRUCTURE),
            new Page("/backoffice/push", STRUCTURE),
            new Page("/backoffice/categories", STRUCTURE),
            new Page("/backoffice/category", STRUCTURE),
            new Page("/backoffice/tags", STRUCTURE),
            new Page("/backoffice/tag", STRUCTURE),
            new Page("/backoffice/authors", STRUCTURE),
            new Page("/backoffice/users", ADMIN),
            new Page("/backoffice/user", ADMIN),
            new Page("/backoffice/settings", ADMIN),
            new Page("/backoffice/audit", ADMIN),
            new Page("/backoffice/mail", ADMIN),
            new Page("/backoffice/mail/settings", ADMIN),
            new Page("/backoffice/push/settings", ADMIN));

    static final List<Action> ACTIONS = List.of(
            new Action("choose own language", "/backoffice/profile", "language", "save", Map.of("uiLanguage", ""), ALL),
            new Action("create a category", "/backoffice/category", "category", "save",
                    Map.of("name_it", "Matrice %n"), STRUCTURE),
            new Action("create a tag", "/backoffice/tag", "tag", "save", Map.of("name_it", "matrice %n"), STRUCTURE),
            new Action("change the theme", "/backoffice/settings", "settings", "save", Map.of("theme", "magazine"), ADMIN),
            new Action("save an article draft", "/backoffice/article?lang=it", "editor", "save",
                    Map.of("title", "Matrice %n", "body", "<p>Matrice %n</p>"), AUTHORS, WRITERS, false),
            new Action("save the comment settings", "/backoffice/comments/settings", "settings", "save", Map.of(), ADMIN),
            new Action("save the push settings", "/backoffice/push/settings", "settings", "save", Map.of(), ADMIN),
            new Action("save the submission limits", "/backoffice/submissions-settings", "limits", "save", Map.of(), STRUCTURE),
            new Action("save the newsletter sending settings", "/backoffice/newsletter/editions", "settings", "save", Map.of(), STRUCTURE),
            new Action("create a user", "/backoffice/user", "user", "save", Map.of("email", "matrix-%n@scriptorium.test",
                    "name", "Matrix %n", "roles", "MODERATOR", "password", "matrix password %n"), ADMIN),
            new Action("upload an image", "/backoffice/media", "upload", "submit", Map.of(), MEDIA, MEDIA, true),
            new Action("change the upload limit", "/backoffice/media", "limit", "save", Map.of("maxKilobytes", "5120"),
                    ADMIN, MEDIA, false),
            new Action("approve a comment", COMMENT, "actions", "approve", Map.of(), MODERATION),
            new Action("unapprove a comment", COMMENT, "actions", "unapprove", Map.of(), MODERATION),
            new Action("mark a comment as spam", COMMENT, "actions", "spam", Map.of(), MODERATION),
            new Action("mark a comment as not spam", COMMENT, "actions", "notspam", Map.of(), MODERATION),
            new Action("move a comment to the trash", COMMENT, "actions", "trash", Map.of(), MODERATION),
            new Action("delete a comment", COMMENT, "actions", "delete", Map.of(), MODERATION),
            new Action("edit a comment", COMMENT, "edit", "save", Map.of("name", "Lettore %n",
                    "email", "lettore-%n@scriptorium.test", "url", "", "body", "Testo corretto %q"), MODERATION),
            new Action("reply to a comment as staff", COMMENT, "reply", "send", Map.of("text", "Grazie %n"), MODERATION),
            new Action("bulk approve", QUEUE, "queue", "approve", Map.of("=selected", "%c"), MODERATION),
            new Action("bulk unapprove", QUEUE, "queue", "unapprove", Map.of("=selected", "%c"), MODERATION),
            new Action("bulk spam", QUEUE, "queue", "spam", Map.of("=selected", "%c"), MODERATION),
            new Action("bulk not spam", QUEUE, "queue", "notspam", Map.of("=selected", "%c"), MODERATION),
            new Action("bulk trash", QUEUE, "queue", "trash", Map.of("=selected", "%c"), MODERATION),
            new Action("bulk delete", QUEUE, "queue", "delete", Map.of("=selected", "%c"), MODERATION),
            new Action("bulk trash of everything the filters find", QUEUE, "queue", "trash", Map.of("=all", "1"), MODERATION));

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final long RUN = System.currentTimeMillis() % 100_000;
    private static PayaraProcess site;
    private static String slug;
    private static Browserless adminSession;
    private static final Map<Role, Browserless> SESSIONS = new EnumMap<>(Role.class);

    @BeforeAll
    static void oneUserPerRole() throws Exception {
        site = RunningSite.get();
        Browserless admin = AdminSteps.login(site, RunningSite.ADMIN_EMAIL, RunningSite.ADMIN_PASSWORD, "192.0.2.150");
        adminSession = admin;
        CommentSupport.configure(admin, 0, 0);
        slug = CommentSupport.firstArticle(new Browserless(site.baseUrl()), "it");
        int i = 0;
        for (Role role : Role.values()) {
            String email = "matrix-" + role.name().toLowerCase() + "-" + RUN + "@scriptorium.test";
            String password = "matrix password " + role;
            AdminSteps.createUser(admin, email, "Matrix " + role, role, password);
            SESSIONS.put(role, AdminSteps.login(site, email, password, "192.0.2." + (160 + i++)));
        }
    }

    @Test
    void everyRoleOpensExactlyThePagesItMay() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Page page : PAGES) {
            for (Role role : Role.values()) {
                int status = SESSIONS.get(role).get(page.path(), "Accept-Language", "en").statusCode();
                int expected = page.allowed().contains(role) ? 200 : 403;
                if (status != expected) {
                    wrong.add(role + " GET " + page.path() + ": " + status + ", expected " + expected);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyRolePerformsExactlyTheActionsItMay() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Action action : ACTIONS) {
            for (Role role : Role.values()) {
                Browserless b = SESSIONS.get(role);
                Map<String, String> subst = substitutions(action);
                String path = fill(action.path(), subst);
                Map<String, String> fields = fill(action.fields(), subst);
                if (action.allowed().contains(role)) {
                    HttpResponse<String> page = b.get(path, "Accept-Language", "en");
                    HttpResponse<String> done = action.upload()
                            ? b.submitMultipart(page, action.form(), fields, Map.of("file", new Browserless.FilePart(
                                    "matrix-" + role + ".png", "image/png", MediaLibraryIT.png(40, 30))),
                                    action.button(), "Accept-Language", "en")
                            : b.submit(page, action.form(), fields, action.button(), "Accept-Language", "en");
                    boolean ok = done.statusCode() == 302 && !done.headers().firstValue("Location").orElse("").contains("expired");
                    if (!ok) {
                        wrong.add(role + " " + action.name() + ": " + done.statusCode() + " " + done.body().replaceAll("(?s).*?(<main.*?</main>).*", "$1"));
                    }
                } else {
                    wrong.addAll(deniedAttempt(b, role, action, path, fields));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * A role that may not act crafts the POST, with the view state of the action's page when it can open it and
     * otherwise of its own profile page, and with the site's Origin, so that the CSRF rules let it through. Where
     * the address lets the role in ({@code enter}), the action must not happen (no success redirect); elsewhere
     * the address guard answers 403. The POST goes to the page's extensionless address and to its {@code .xhtml}.
     */
    private static List<String> deniedAttempt(Browserless b, Role role, Action action, String path,
                                              Map<String, String> fields) throws Exception {
        List<String> wrong = new ArrayList<>();
        HttpResponse<String> own = b.get(path, "Accept-Language", "en");
        boolean entersAddress = action.enter().contains(role);
        String viewState = viewState(own.statusCode() == 200 ? own : b.get("/backoffice/profile", "Accept-Language", "en"));
        Map<String, String> post = new LinkedHashMap<>();
        post.put(action.form(), action.form());
        post.put("jakarta.faces.ViewState", viewState);
        fields.forEach((k, v) -> post.put(k.startsWith("=") ? k.substring(1) : action.form() + ":" + k, v));
        post.put(action.form() + ":" + action.button(), "submit");
        for (String target : List.of(path, xhtml(path))) {
            HttpResponse<String> r = action.upload()
                    ? b.postRaw(target, "multipart/form-data; boundary=" + BOUNDARY, multipart(post, action.form() + ":file"))
                    : b.post(target, post, "Origin", origin(), "Accept-Language", "en");
            String location = r.headers().firstValue("Location").orElse("");
            boolean refused = entersAddress ? r.statusCode() != 302 || location.contains("expired") : r.statusCode() == 403;
            if (!refused) {
                wrong.add(role + " " + action.name() + " at " + target + ": " + r.statusCode() + " " + location
                        + ", expected " + (entersAddress ? "no effect" : "403"));
            }
        }
        return wrong;
    }

    private static final String BOUNDARY = "----scriptorium-matrix";

    private static byte[] multipart(Map<String, String> fields, String fileField) throws Exception {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                    + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fileField
                + "\"; filename=\"matrix.png\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(MediaLibraryIT.png(40, 30));
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static String viewState(HttpResponse<String> page) {
        Matcher m = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
        assertThat(m.find()).as("a view state in " + page.uri()).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    private static String xhtml(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path + ".xhtml" : path.substring(0, q) + ".xhtml" + path.substring(q);
    }

    private static String origin() {
        URI base = URI.create(site.baseUrl());
        return base.getScheme() + "://" + base.getAuthority();
    }

    /**
     * A moderator whose role an administrator has just changed still carries MODERATOR in the session it opened
     * before, so the address guard lets it in: the moderation service checks the stored roles and refuses each
     * action, from the queue and from the comment's page, with valid view states.
     */
    @Test
    void aModeratorDemotedDuringTheSessionCanNoLongerModerate() throws Exception {
        Browserless admin = AdminSteps.login(site, RunningSite.ADMIN_EMAIL, RunningSite.ADMIN_PASSWORD, "192.0.2.170");
        String email = "matrix-demoted-" + RUN + "@scriptorium.test";
        String userPage = AdminSteps.createUser(admin, email, "Demoted " + RUN, Role.MODERATOR, "matrix password demoted");
        Browserless moderator = AdminSteps.login(site, email, "matrix password demoted", "192.0.2.171");
        Map<String, String> subst = substitutions(ACTIONS.get(ACTIONS.size() - 1));
        String id = subst.get("%c");
        HttpResponse<String> queue = moderator.get(fill(QUEUE, subst), "Accept-Language", "en");
        HttpResponse<String> comment = moderator.get(fill(COMMENT, subst), "Accept-Language", "en");
        assertThat(queue.body()).contains("data-comment=\"" + id + "\"");
        assertThat(comment.body()).contains("id=\"actions\"");

        HttpResponse<String> edit = admin.get(userPage, "Accept-Language", "en");
        HttpResponse<String> demoted = admin.submit(edit, "user", Map.of("name", "Demoted " + RUN, "roles", "AUTHOR",
                "active", "on"), "save", "Accept-Language", "en");
        assertThat(demoted.statusCode()).as(demoted.body()).isEqualTo(302);

        List<String> wrong = new ArrayList<>();
        for (String button : List.of("approve", "spam", "notspam", "trash", "delete")) {
            HttpResponse<String> r = moderator.submit(queue, "queue", Map.of("=selected", id), button, "Accept-Language", "en");
            if (r.statusCode() != 200 || !r.body().contains("bo-error")) {
                wrong.add("queue " + button + ": " + r.statusCode() + " " + r.headers().firstValue("Location").orElse(""));
            }
        }
        for (String button : List.of("approve", "spam", "delete")) {
            HttpResponse<String> r = moderator.submit(comment, "actions", Map.of(), button, "Accept-Language", "en");
            if (r.statusCode() == 302) {
                wrong.add("comment " + button + ": " + r.headers().firstValue("Location").orElse(""));
            }
        }
        HttpResponse<String> reply = moderator.submit(comment, "reply", Map.of("text", "Not mine to answer"), "send",
                "Accept-Language", "en");
        if (reply.statusCode() == 302) {
            wrong.add("reply: " + reply.headers().firstValue("Location").orElse(""));
        }
        assertThat(wrong).isEmpty();
        assertThat(admin.get(fill(QUEUE, subst), "Accept-Language", "en").body())
                .as("the comment is still pending").contains("data-comment=\"" + id + "\" data-status=\"PENDING\"");
    }

    /** For an action on a comment: a comment just posted by a reader, its id as %c and its unique text as %q. */
    private static Map<String, String> substitutions(Action action) throws Exception {
        Map<String, String> subst = new LinkedHashMap<>();
        subst.put("%n", RUN + "-" + COUNTER.incrementAndGet());
        if (action.needsComment()) {
            String text = "matrice" + RUN + "x" + COUNTER.incrementAndGet();
            Browserless reader = new Browserless(site.baseUrl());
            HttpResponse<String> page = reader.get("/it/" + slug);
            HttpResponse<String> posted = reader.submit(page, "comment", Map.of("name", "Lettore", "email",
                    text + "@scriptorium.test", "body", "Un commento " + text), "post",
                    "X-Forwarded-For", "198.51.100." + (COUNTER.get() % 250 + 1));
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
            Matcher m = Pattern.compile("#comment-([0-9]+)$").matcher(posted.headers().firstValue("Location").orElseThrow());
            assertThat(m.find()).isTrue();
            subst.put("%c", m.group(1));
            subst.put("%q", text);
            awaitChecked(m.group(1), text);
        }
        return subst;
    }

    /**
     * Waits until Akismet's check of a new comment is done, as a moderator would see in the queue: the check
     * updates the comment after the reader's POST, and the test acts on it at once.
     */
    private static void awaitChecked(String id, String text) throws Exception {
        long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        String queue;
        do {
            queue = adminSession.get(QUEUE.replace("%q", text), "Accept-Language", "en").body();
            String page = queue;
            if (page.contains("data-comment=\"" + id + "\"") && UiTexts.SHIPPED_LANGUAGES.stream()
                    .noneMatch(l -> page.contains(UiTexts.load(l).get("moderation.awaitingCheck")))) {
                return;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < until);
        throw new AssertionError("comment " + id + " still awaits its check");
    }

    private static String fill(String value, Map<String, String> subst) {
        String filled = value;
        for (Map.Entry<String, String> e : subst.entrySet()) {
            filled = filled.replace(e.getKey(), e.getValue());
        }
        return filled;
    }

    private static Map<String, String> fill(Map<String, String> fields, Map<String, String> subst) {
        Map<String, String> filled = new LinkedHashMap<>();
        fields.forEach((k, v) -> filled.put(k, fill(v, subst)));
        return filled;
    }
}
