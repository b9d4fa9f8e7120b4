package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;

/**
 * Declining a story starts from a template written in the submitter's language, whatever language the
 * reviewer reads the back office in; the reviewer may change the text, and what reaches the submitter's
 * status page is the text as sent.
 */
class SubmissionDeclineTemplatesIT {

    private static PayaraProcess site;

    @BeforeAll
    static void start() {
        site = RunningSite.get();
    }

    @Test
    void aTemplateFillsTheMessageInTheSubmittersLanguageAndTheEditedTextIsSent() throws Exception {
        String title = "Historia repetida " + System.nanoTime();
        Browserless reader = new Browserless(site.baseUrl());
        HttpResponse<String> form = SubmissionsIT.openForm(reader, "es");
        Map<String, String> fields = SubmissionsIT.story(title, "Lucía Gómez", "lucia" + System.nanoTime() + "@example.org");
        fields.put("storyLanguage", "es");
        HttpResponse<String> sent = reader.submitMultipart(form, "submit", fields, Map.of(), "send",
                "X-Forwarded-For", "198.51.120.7");
        String statusPath = SubmissionsIT.statusPath(sent);

        Browserless editor = MediaLibraryIT.loggedIn("192.0.2.96");
        String queue = editor.get("/backoffice/submissions?q=" + URLEncoder.encode(title, StandardCharsets.UTF_8),
                "Accept-Language", "en").body();
        Matcher id = Pattern.compile("/backoffice/submission\\?id=([0-9]+)\">").matcher(queue);
        assertThat(id.find()).as(queue).isTrue();
        String detail = "/backoffice/submission?id=" + id.group(1);

        HttpResponse<String> page = editor.get(detail, "Accept-Language", "en");
        assertThat(page.body()).contains(">Already published elsewhere<");
        HttpResponse<String> filled = editor.submit(page, "decide", Map.of("template", "notOriginal"), "useTemplate",
                "Accept-Language", "en");
        assertThat(filled.statusCode()).isEqualTo(200);
        String template = "Gracias por tu propuesta. Solo publicamos textos inéditos y esta historia ya ha aparecido "
                + "en otro sitio, así que no podemos aceptarla.";
        assertThat(filled.body()).as("the Spanish template, though the reviewer reads English").contains(template);

        String edited = template + " Un saludo, la redacción.";
        HttpResponse<String> declined = editor.submit(filled, "decide", Map.of("message", edited), "decline",
                "Accept-Language", "en");
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(302);
        assertThat(declined.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("done=declined"));

        String status = reader.get(statusPath).body();
        assertThat(status).contains("id=\"editor-message\"").contains(edited);
    }
}
