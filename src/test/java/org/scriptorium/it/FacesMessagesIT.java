package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.i18n.application.UiTexts;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.DatabaseNeutral;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;

/**
 * Faces' own validation messages speak the reader's language, and what was typed stays in the form. The
 * numeric fields of our forms carry their own translated messages ({@code converterMessage}); the built-in
 * messages a form can still trigger are chiefly a choice that is not among the options (a tampered select), so
 * that is what a reader on the public submission form and a back-office user on their profile meet here.
 */
@DatabaseNeutral
class FacesMessagesIT {

    private static PayaraProcess site;

    @BeforeAll
    static void start() {
        site = RunningSite.get();
    }

    @Test
    void aGermanReaderWhoseChoiceIsNotOnTheListIsToldInGermanAndKeepsWhatTheyTyped() throws Exception {
        Browserless reader = new Browserless(site.baseUrl());
        HttpResponse<String> form = reader.get("/de/submit");
        assertThat(form.statusCode()).isEqualTo(200);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "Die Backstube am Hafen");
        fields.put("summary", "Wie eine kleine Backstube online ging.");
        fields.put("story", "<p>Erst Papier, dann Tablets.</p>");
        fields.put("storyLanguage", "xx");
        fields.put("authorName", "Greta Korn");
        fields.put("email", "greta@scriptorium.test");
        HttpResponse<String> answer = reader.submitMultipart(form, "submit", fields, Map.of(), "send",
                "X-Forwarded-For", "198.51.100.240");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Bitte wählen Sie eine der angebotenen Optionen.")
                .doesNotContain("Validation Error").doesNotContain("Validierungsfehler")
                .contains("value=\"Die Backstube am Hafen\"").contains("Wie eine kleine Backstube online ging.")
                .contains("value=\"Greta Korn\"");
    }

    @Test
    void anItalianReaderMeetsTheSameMessageInItalian() throws Exception {
        Browserless reader = new Browserless(site.baseUrl());
        HttpResponse<String> form = reader.get("/it/submit");
        HttpResponse<String> answer = reader.submitMultipart(form, "submit", Map.of("title", "La panetteria del porto",
                "category", "999999999"), Map.of(), "send", "X-Forwarded-For", "198.51.100.241");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Scegli una delle opzioni proposte.").doesNotContain("Validation Error")
                .contains("value=\"La panetteria del porto\"");
    }

    @Test
    void theBackOfficeAnswersInTheLanguageTheUserChoseNotTheBrowsers() throws Exception {
        Browserless admin = AdminSteps.login(site, RunningSite.ADMIN_EMAIL, RunningSite.ADMIN_PASSWORD, "192.0.2.180");
        String email = "faces-messages-" + System.currentTimeMillis() + "@scriptorium.test";
        AdminSteps.createUser(admin, email, "Messaggi", Role.EDITOR, "faces messages password");
        Browserless user = AdminSteps.login(site, email, "faces messages password", "192.0.2.181");

        HttpResponse<String> profile = user.get("/backoffice/profile", "Accept-Language", "it");
        HttpResponse<String> chosen = user.submit(profile, "language", Map.of("uiLanguage", "de"), "save",
                "Accept-Language", "it");
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(302);

        HttpResponse<String> german = user.get("/backoffice/profile", "Accept-Language", "it");
        HttpResponse<String> refused = user.submit(german, "language", Map.of("uiLanguage", "xx"), "save",
                "Accept-Language", "it");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Bitte wählen Sie eine der angebotenen Optionen.")
                .doesNotContain("Validation Error");
    }

    @Test
    void savingTheSettingsWithoutAThemeSaysSoInTheUsersLanguage() throws Exception {
        Browserless admin = AdminSteps.login(site, RunningSite.ADMIN_EMAIL, RunningSite.ADMIN_PASSWORD, "192.0.2.182");
        HttpResponse<String> settings = admin.get("/backoffice/settings", "Accept-Language", "fr");
        assertThat(settings.statusCode()).isEqualTo(200);
        HttpResponse<String> refused = admin.submit(settings, "settings", Map.of("theme", ""), "save",
                "Accept-Language", "fr");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains(UiTexts.load(languageOf(refused.body())).get("settings.themeRequired"));
    }

    private static String languageOf(String page) {
        Matcher m = Pattern.compile("<html[^>]* lang=\"([a-z]+)\"").matcher(page);
        return m.find() ? m.group(1) : "en";
    }
}
