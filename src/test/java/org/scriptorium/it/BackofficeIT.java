package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;

/** Login, protection of the back office, the dashboard and throttling, against the running WAR. */
class BackofficeIT {

    private static PayaraProcess site;

    @BeforeAll
    static void start() {
        site = RunningSite.get();
    }

    private static HttpResponse<String> login(Browserless b, String email, String password, String... headers) throws Exception {
        HttpResponse<String> form = b.get("/backoffice/login", "Accept-Language", "en");
        assertThat(form.statusCode()).isEqualTo(200);
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Accept-Language";
        all[headers.length + 1] = "en";
        return b.submit(form, "login", Map.of("email", email, "password", password), "submit", all);
    }

    @Test
    void anonymousUsersAreSentToTheLoginPage() throws Exception {
        for (String path : new String[] {"/backoffice/", "/backoffice/index", "/backoffice/users", "/backoffice/index.xhtml"}) {
            HttpResponse<String> r = new Browserless(site.baseUrl()).get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location")).as(path).hasValueSatisfying(l -> assertThat(l).endsWith("/backoffice/login"));
        }
    }

    @Test
    void theConfiguredAdministratorLogsInAndSeesTheDashboardCounts() throws Exception {
        Browserless b = new Browserless(site.baseUrl());
        HttpResponse<String> after = login(b, RunningSite.ADMIN_EMAIL, RunningSite.ADMIN_PASSWORD);
        assertThat(after.statusCode()).isEqualTo(302);
        HttpResponse<String> dashboard = b.follow(after.headers().firstValue("Location").orElseThrow());
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("id=\"translation-counts\"")
                .contains("<tr data-language=\"it\">")
                .containsPattern("<tr data-language=\"fr\">\\s*<th scope=\"row\">Français</th>\\s*<td data-status=\"DRAFT\">0</td>\\s*<td data-status=\"SCHEDULED\">0</td>\\s*<td data-status=\"PUBLISHED\">6</td>")
                .contains("/backoffice/users");
        // Other tests of the run may add articles (without French), so MISSING is checked against the total.
        Matcher total = Pattern.compile("<p>(\\d+) ").matcher(dashboard.body());
        assertThat(total.find()).isTrue();
        assertThat(Integer.parseInt(total.group(1))).as("the demo's eight articles at least").isGreaterThanOrEqualTo(8);
        assertThat(dashboard.body()).containsPattern("<tr data-language=\"fr\">[\\s\\S]*?<td data-status=\"MISSING\">"
                + (Integer.parseInt(total.group(1)) - 6) + "</td>");
        for (String figure : new String[] {"dashboard.figure.drafts", "dashboard.figure.scheduled", "comments.figure.pending",
                "dashboard.newSubmissions", "dashboard.figure.missing", "dashboard.figure.outdated"}) {
            assertThat(dashboard.body()).as(figure).containsPattern("<li data-figure=\"" + Pattern.quote(figure)
                    + "\"><a href=\"/backoffice/[^\"]*\"><strong>\\d+</strong>");
        }
        for (String series : new String[] {"dashboard.series.published", "comments.series.comments", "comments.series.spam"}) {
            assertThat(dashboard.body()).as(series).contains("data-series=\"" + series + "\"");
        }
        assertThat(b.get("/backoffice/users").statusCode()).isEqualTo(200);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        Browserless b = new Browserless(site.baseUrl());
        HttpResponse<String> form = b.get("/backoffice/login");
        HttpResponse<String> after = b.submit(form, "login",
                Map.of("email", RunningSite.ADMIN_EMAIL, "password", RunningSite.ADMIN_PASSWORD), "submit");
        assertThat(form.headers().allValues("Set-Cookie").toString() + after.headers().allValues("Set-Cookie"))
                .containsIgnoringCase("JSESSIONID").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void aWrongPasswordAndAnUnknownAccountGetTheSameMessage() throws Exception {
        String wrongPassword = login(new Browserless(site.baseUrl()), RunningSite.ADMIN_EMAIL, "nope", "X-Forwarded-For", "198.51.100.1").body();
        String unknown = login(new Browserless(site.baseUrl()), "nobody@scriptorium.test", "nope", "X-Forwarded-For", "198.51.100.2").body();
        assertThat(wrongPassword).contains("Wrong e-mail or password.");
        assertThat(unknown).contains("Wrong e-mail or password.");
    }

    @Test
    void anEmptyFormIsAnsweredInTheReadersLanguageAndKeepsTheEmail() throws Exception {
        Browserless b = new Browserless(site.baseUrl());
        HttpResponse<String> form = b.get("/backoffice/login", "Accept-Language", "de");
        HttpResponse<String> r = b.submit(form, "login", Map.of("email", "redaktion@example.com", "password", ""), "submit",
                "Accept-Language", "de");
        assertThat(r.body()).contains("Bitte geben Sie Ihr Passwort ein.").contains("value=\"redaktion@example.com\"");
    }

    @Test
    void afterFiveFailuresFurtherAttemptsAreDelayedEvenWithTheRightPassword() throws Exception {
        String account = "throttle-" + System.nanoTime() + "@scriptorium.test";
        for (int i = 0; i < 5; i++) {
            String body = login(new Browserless(site.baseUrl()), account, "wrong-" + i, "X-Forwarded-For", "203.0.113.7").body();
            assertThat(body).contains("Wrong e-mail or password.");
        }
        String sixth = login(new Browserless(site.baseUrl()), account, "whatever", "X-Forwarded-For", "203.0.113.99").body();
        assertThat(sixth).contains("Too many attempts");
        String sameAddress = login(new Browserless(site.baseUrl()), "other-" + account, "x", "X-Forwarded-For", "203.0.113.7").body();
        assertThat(sameAddress).contains("Too many attempts");
    }

    @Test
    void loggingOutEndsTheSession() throws Exception {
        Browserless b = new Browserless(site.baseUrl());
        login(b, RunningSite.ADMIN_EMAIL, RunningSite.ADMIN_PASSWORD, "X-Forwarded-For", "192.0.2.50");
        HttpResponse<String> dashboard = b.get("/backoffice/");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        HttpResponse<String> out = b.submit(dashboard, "logout", Map.of(), "submit");
        assertThat(out.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/backoffice/login"));
        assertThat(b.get("/backoffice/").statusCode()).isEqualTo(302);
    }

    @Test
    void theLoginFormIsStatelessSoItNeverExpires() throws Exception {
        Browserless b = new Browserless(site.baseUrl());
        HttpResponse<String> form = b.get("/backoffice/login");
        assertThat(form.body()).contains("value=\"stateless\"");
        HttpResponse<String> after = b.submit(form, "login", Map.of("email", RunningSite.ADMIN_EMAIL,
                "password", RunningSite.ADMIN_PASSWORD), "submit", "X-Forwarded-For", "192.0.2.60");
        assertThat(after.statusCode()).isEqualTo(302);
    }

    @Test
    void aFormPostedWithAnExpiredViewReloadsThePageWithANote() throws Exception {
        Browserless b = new Browserless(site.baseUrl());
        login(b, RunningSite.ADMIN_EMAIL, RunningSite.ADMIN_PASSWORD, "X-Forwarded-For", "192.0.2.61");
        HttpResponse<String> dashboard = b.get("/backoffice/");
        HttpResponse<String> stale = b.submit(dashboard, "logout", Map.of("=jakarta.faces.ViewState", "1234:5678"), "submit");
        assertThat(stale.statusCode()).isEqualTo(302);
        String location = stale.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("expired=1");
        assertThat(b.get(location, "Accept-Language", "en").body()).contains("The page had expired and has been reloaded.");
    }
}
