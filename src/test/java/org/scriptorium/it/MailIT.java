package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.MailTesting;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;

import com.icegreen.greenmail.util.GreenMail;

/**
 * The mail back office on the running WAR: with no SMTP host the test message lands in the outbox and is
 * listed; SMTP settings saved on the page apply to the next message without a restart; going back to the
 * configuration restores the outbox.
 */
class MailIT {

    private static Browserless admin(PayaraProcess site) throws Exception {
        Browserless b = new Browserless(site.baseUrl());
        HttpResponse<String> form = b.get("/backoffice/login", "Accept-Language", "en");
        b.submit(form, "login", Map.of("email", RunningSite.ADMIN_EMAIL, "password", RunningSite.ADMIN_PASSWORD), "submit",
                "X-Forwarded-For", "192.0.2.71");
        return b;
    }

    @Test
    void theTestMessageGoesToTheOutboxThenToAnSmtpServerSavedOnThePage() throws Exception {
        PayaraProcess site = RunningSite.get();
        Browserless b = admin(site);
        assertThat(new Browserless(site.baseUrl()).get("/backoffice/mail").statusCode()).isEqualTo(302);

        HttpResponse<String> page = b.get("/backoffice/mail/settings", "Accept-Language", "en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"effective-host\"").contains("outbox");
        HttpResponse<String> sent = b.submit(page, "mail", Map.of("testTo", "outbox-check@example.org"), "sendTest",
                "Accept-Language", "en");
        assertThat(sent.body()).contains("The test message was written into the outbox.");

        HttpResponse<String> outbox = b.get("/backoffice/mail", "Accept-Language", "en");
        assertThat(outbox.body()).contains("outbox-check@example.org").contains("Test message from the magazine");
        String file = outbox.body().replaceAll("(?s).*\\?file=([0-9a-f-]+\\.eml).*", "$1");
        HttpResponse<String> raw = b.get("/backoffice/mail?file=" + file, "Accept-Language", "en");
        assertThat(raw.body()).contains("multipart/alternative");

        GreenMail smtp = MailTesting.greenMail();
        try {
            page = b.get("/backoffice/mail/settings", "Accept-Language", "en");
            HttpResponse<String> saved = b.submit(page, "mail", Map.of("host", "127.0.0.1",
                    "port", String.valueOf(smtp.getSmtp().getPort()), "tls", "NONE", "from", "desk@example.org",
                    "user", "", "password", ""), "save", "Accept-Language", "en");
            assertThat(saved.statusCode()).isEqualTo(302);
            page = b.get("/backoffice/mail/settings", "Accept-Language", "en");
            assertThat(page.body()).contains("replace the configuration").contains("desk@example.org");
            b.submit(page, "mail", Map.of("testTo", "smtp-check@example.org"), "sendTest", "Accept-Language", "en");
            assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
            MimeMessage m = smtp.getReceivedMessages()[0];
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("smtp-check@example.org");
            assertThat(m.getFrom()[0].toString()).isEqualTo("desk@example.org");

            HttpResponse<String> bad = b.submit(b.get("/backoffice/mail/settings", "Accept-Language", "en"), "mail",
                    Map.of("port", "seventy", "from", "desk@example.org"), "save", "Accept-Language", "en");
            assertThat(bad.body()).contains("The port must be a number").contains("value=\"seventy\"");
        } finally {
            b.submit(b.get("/backoffice/mail/settings", "Accept-Language", "en"), "mail", Map.of(), "reset");
            smtp.stop();
        }
        assertThat(b.get("/backoffice/mail/settings", "Accept-Language", "en").body()).contains("come from the configuration");
    }
}
