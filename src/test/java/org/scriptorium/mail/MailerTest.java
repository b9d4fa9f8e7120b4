package org.scriptorium.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.mail.application.MailConfiguration;
import org.scriptorium.mail.application.Mailer;
import org.scriptorium.mail.domain.EmailAddress;
import org.scriptorium.mail.domain.InvalidMailException;
import org.scriptorium.mail.domain.MailDeliveryException;
import org.scriptorium.mail.domain.MailMessage;
import org.scriptorium.mail.domain.OutboxEntry;
import org.scriptorium.mail.infrastructure.FileOutbox;
import org.scriptorium.settings.application.SiteSettings;
import org.scriptorium.testing.MailTesting;

import com.icegreen.greenmail.util.GreenMail;

/** The mailer against a real SMTP server (GreenMail), the file outbox, and its refusals. */
class MailerTest {

    private static final EmailAddress READER = EmailAddress.of("lettrice@example.org");

    @TempDir
    Path outbox;

    private GreenMail smtp;
    private SiteSettings site;
    private MailConfiguration configuration;
    private Mailer mailer;

    @BeforeEach
    void start() {
        smtp = MailTesting.greenMail();
        site = MailTesting.siteSettings(Clock.systemUTC());
        configuration = new MailConfiguration(MailTesting.settings(Map.of(
                "scriptorium.smtp.host", "127.0.0.1",
                "scriptorium.smtp.port", String.valueOf(smtp.getSmtp().getPort()),
                "scriptorium.smtp.tls", "none",
                "scriptorium.mail.from", "redazione@example.org")), site, Clock.systemUTC());
        mailer = MailTesting.mailer(configuration, outbox);
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void aTemplateIsSentAsTextAndHtmlInTheRecipientsLanguageWithExtraHeaders() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<https://example.org/u?t=1>, <mailto:unsubscribe@example.org?subject=1>");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("Message-ID", "<d42.e7@example.org>");
        mailer.send("test", "fr", READER, Map.of("sender", "chef <script>"), headers);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage m = received[0];
        assertThat(m.getSubject()).isEqualTo("Message d'essai du magazine");
        assertThat(m.getFrom()[0].toString()).isEqualTo("redazione@example.org");
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo(READER.value());
        assertThat(m.getHeader("Content-Language")[0]).isEqualTo("fr");
        assertThat(m.getMessageID()).isEqualTo("<d42.e7@example.org>");
        assertThat(m.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(m.getHeader("List-Unsubscribe")[0]).contains("https://example.org/u?t=1").contains("mailto:");
        Multipart parts = (Multipart) m.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat((String) parts.getBodyPart(0).getContent()).contains("Ceci est un message d'essai").contains("chef <script>");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(html).contains("<html lang=\"fr\">").contains("chef &lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    void addressesSubjectsAndHeadersCannotCarryLineBreaks() {
        assertThat(EmailAddress.parse("a@example.org\r\nBcc: victim@example.org")).isEmpty();
        assertThat(EmailAddress.parse("a@example.org\nBcc:x@example.org")).isEmpty();
        assertThat(EmailAddress.parse("Someone <a@example.org>")).isEmpty();
        assertThat(EmailAddress.parse("a@example.org, b@example.org")).isEmpty();
        assertThat(EmailAddress.parse("no-at-sign.example.org")).isEmpty();
        assertThat(EmailAddress.parse("a@localhost")).isEmpty();
        assertThat(EmailAddress.parse("  Mixed.Case@Example.ORG ")).map(EmailAddress::value).hasValue("mixed.case@example.org");
        assertThatThrownBy(() -> new MailMessage(READER, "Hello\r\nBcc: victim@example.org", "t", "h", "en", Map.of()))
                .isInstanceOf(InvalidMailException.class);
        assertThatThrownBy(() -> new MailMessage(READER, "Hello", "t", "h", "en", Map.of("X-Note", "a\nBcc: b@example.org")))
                .isInstanceOf(InvalidMailException.class);
        assertThatThrownBy(() -> new MailMessage(READER, "Hello", "t", "h", "en", Map.of("Bcc", "b@example.org")))
                .isInstanceOf(InvalidMailException.class);
        assertThatThrownBy(() -> new MailMessage(READER, "Hello", "t", "h", "en", Map.of("X Bad: y", "v")))
                .isInstanceOf(InvalidMailException.class);
        assertThatThrownBy(() -> new MailMessage(READER, " ", "t", "h", "en", Map.of())).isInstanceOf(InvalidMailException.class);
        assertThatThrownBy(() -> new MailMessage(READER, "Hi", "t", "h", "en", Map.of("Message-ID", "<a@b> x")))
                .isInstanceOf(InvalidMailException.class);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void withoutAHostMessagesAreWrittenAsEmlFilesAndListed() throws Exception {
        configuration.override("", "", "", "", "none", "redazione@example.org");
        mailer.send("test", "de", READER, Map.of("sender", "Chefin"), Map.of());
        mailer.send("test", "it", EmailAddress.of("secondo@example.org"), Map.of("sender", "Capo"), Map.of());

        FileOutbox files = new FileOutbox(outbox);
        assertThat(files.count()).isEqualTo(2);
        assertThat(files.latest(10)).extracting(OutboxEntry::to)
                .containsExactlyInAnyOrder("lettrice@example.org", "secondo@example.org");
        assertThat(files.latest(10)).extracting(OutboxEntry::subject).contains("Testnachricht des Magazins");
        OutboxEntry first = files.latest(10).get(0);
        assertThat(files.read(first.name()).orElseThrow()).contains("Content-Type: multipart/alternative");
        assertThat(files.read("../../etc/passwd")).isEmpty();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void settingsSavedInTheBackOfficeApplyToTheNextMessageWithoutRestart() throws Exception {
        GreenMail other = MailTesting.greenMail();
        try {
            configuration.override("127.0.0.1", String.valueOf(other.getSmtp().getPort()), "", "", "none", "altro@example.org");
            mailer.send("test", "en", READER, Map.of("sender", "x"), Map.of());
            assertThat(other.getReceivedMessages()).hasSize(1);
            assertThat(other.getReceivedMessages()[0].getFrom()[0].toString()).isEqualTo("altro@example.org");
            configuration.useConfiguration();
            mailer.send("test", "en", READER, Map.of("sender", "x"), Map.of());
            assertThat(smtp.getReceivedMessages()).hasSize(1);
        } finally {
            other.stop();
        }
        assertThatThrownBy(() -> configuration.override("h", "port", "", "", "none", "a@example.org"))
                .isInstanceOf(InvalidMailException.class);
        assertThatThrownBy(() -> configuration.override("h", "25", "", "", "none", "not an address"))
                .isInstanceOf(InvalidMailException.class);
        assertThatThrownBy(() -> configuration.override("h\r\nx", "25", "", "", "none", "a@example.org"))
                .isInstanceOf(InvalidMailException.class);
    }

    @Test
    void anUnreachableServerIsATransientFailure() {
        configuration.override("127.0.0.1", String.valueOf(MailTesting.freePort()), "", "", "none", "a@example.org");
        assertThatThrownBy(() -> mailer.send("test", "en", READER, Map.of(), Map.of()))
                .isInstanceOfSatisfying(MailDeliveryException.class, e -> assertThat(e.isTransient()).isTrue());
    }

    @Test
    void aRefusedRecipientIsPermanentAndABusyServerTransient() throws Exception {
        for (String[] reply : new String[][] {{"550 5.1.1 No such mailbox", "PERMANENT"}, {"451 4.3.0 Try again later", "TRANSIENT"}}) {
            try (ScriptedSmtp server = new ScriptedSmtp(reply[0])) {
                configuration.override("127.0.0.1", String.valueOf(server.port()), "", "", "none", "a@example.org");
                assertThatThrownBy(() -> mailer.send("test", "en", READER, Map.of(), Map.of()))
                        .isInstanceOfSatisfying(MailDeliveryException.class, e -> assertThat(e.kind().name()).isEqualTo(reply[1]));
            }
        }
    }

    /** A tiny SMTP server that answers RCPT TO with a fixed reply. */
    static final class ScriptedSmtp implements AutoCloseable {

        private final ServerSocket socket;
        private final Thread thread;

        ScriptedSmtp(String rcptReply) throws IOException {
            socket = new ServerSocket(0);
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept();
                         BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                         Writer w = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.US_ASCII);
                         PrintWriter out = new PrintWriter(w, true)) {
                        out.print("220 scripted\r\n");
                        out.flush();
                        String line;
                        while ((line = in.readLine()) != null) {
                            String cmd = line.toUpperCase();
                            if (cmd.startsWith("EHLO") || cmd.startsWith("HELO")) {
                                out.print("250 scripted\r\n");
                            } else if (cmd.startsWith("RCPT")) {
                                out.print(rcptReply + "\r\n");
                            } else if (cmd.startsWith("QUIT")) {
                                out.print("221 bye\r\n");
                                out.flush();
                                break;
                            } else {
                                out.print("250 ok\r\n");
                            }
                            out.flush();
                        }
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
