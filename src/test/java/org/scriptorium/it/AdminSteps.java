package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.scriptorium.identity.domain.Role;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.PayaraProcess;

/** Steps the administration ITs share: logging in and creating users through the pages. */
final class AdminSteps {

    private AdminSteps() {
    }

    /** A session logged in as the given user (from its own client address, so throttling stays out of the way). */
    static Browserless login(PayaraProcess site, String email, String password, String address) throws Exception {
        Browserless b = new Browserless(site.baseUrl());
        HttpResponse<String> form = b.get("/backoffice/login", "Accept-Language", "en");
        HttpResponse<String> after = b.submit(form, "login", Map.of("email", email, "password", password), "submit",
                "Accept-Language", "en", "X-Forwarded-For", address);
        assertThat(after.statusCode()).as("login of " + email + ": " + after.body()).isEqualTo(302);
        return b;
    }

    /** Creates a user with one role and a password on the users page; returns the user's page address. */
    static String createUser(Browserless admin, String email, String name, Role role, String password) throws Exception {
        HttpResponse<String> page = admin.get("/backoffice/user", "Accept-Language", "en");
        assertThat(page.statusCode()).isEqualTo(200);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("email", email);
        fields.put("name", name);
        fields.put("roles", role.name());
        if (role == Role.TRANSLATOR) {
            fields.put("languages", "es");
        }
        fields.put("active", "on");
        fields.put("password", password);
        HttpResponse<String> saved = admin.submit(page, "user", fields, "save", "Accept-Language", "en");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        String location = saved.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("saved=created");
        return location;
    }
}
