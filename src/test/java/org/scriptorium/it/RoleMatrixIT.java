package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;

/**
 * Each role x each back-office page and action: allowed or denied as designed. One user per role is created
 * through the users page; each then opens every page (allowed: 200, denied: 403) and performs every action
 * (allowed: the real form is submitted and not refused; denied: the POST is refused with 403 before any
 * page code runs).
 *
 * <p>To cover a new page, add a {@link Page} row; for a new form, an {@link Action} row. Nothing else changes.
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
     * ({@code %n} in a value becomes a number unique to the run, so that creations do not clash).
     */
    record Action(String name, String path, String form, String button, Map<String, String> fields, Set<Role> allowed) {
    }

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
                    Map.of("title", "Matrice %n", "body", "<p>Matrice %n</p>"), AUTHORS),
            new Action("save the comment settings", "/backoffice/comments/settings", "settings", "save", Map.of(), ADMIN),
            new Action("save the push settings", "/backoffice/push/settings", "settings", "save", Map.of(), ADMIN),
            new Action("save the submission limits", "/backoffice/submissions-settings", "limits", "save", Map.of(), STRUCTURE),
            new Action("save the newsletter sending settings", "/backoffice/newsletter/editions", "settings", "save", Map.of(), STRUCTURE),
            new Action("create a user", "/backoffice/user", "user", "save", Map.of("email", "matrix-%n@scriptorium.test",
                    "name", "Matrix %n", "roles", "MODERATOR", "password", "matrix password %n"), ADMIN));

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final long RUN = System.currentTimeMillis() % 100_000;
    private static PayaraProcess site;
    private static final Map<Role, Browserless> SESSIONS = new EnumMap<>(Role.class);

    @BeforeAll
    static void oneUserPerRole() throws Exception {
        site = RunningSite.get();
        Browserless admin = AdminSteps.login(site, RunningSite.ADMIN_EMAIL, RunningSite.ADMIN_PASSWORD, "192.0.2.150");
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
                if (action.allowed().contains(role)) {
                    HttpResponse<String> page = b.get(action.path(), "Accept-Language", "en");
                    HttpResponse<String> done = b.submit(page, action.form(), fill(action.fields()), action.button(),
                            "Accept-Language", "en");
                    boolean ok = done.statusCode() == 302 && !done.headers().firstValue("Location").orElse("").contains("expired");
                    if (!ok) {
                        wrong.add(role + " " + action.name() + ": " + done.statusCode() + " " + done.body().replaceAll("(?s).*?(<main.*?</main>).*", "$1"));
                    }
                } else {
                    int status = b.post(action.path(), Map.of(action.form() + ":" + action.button(), "submit")).statusCode();
                    if (status != 403) {
                        wrong.add(role + " " + action.name() + ": " + status + ", expected 403");
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static Map<String, String> fill(Map<String, String> fields) {
        String n = RUN + "-" + COUNTER.incrementAndGet();
        Map<String, String> filled = new java.util.LinkedHashMap<>();
        fields.forEach((k, v) -> filled.put(k, v.replace("%n", n)));
        return filled;
    }
}
