package org.scriptorium.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.newsletter.application.EditionSending;
import org.scriptorium.newsletter.application.MailUnsubscribes;
import org.scriptorium.newsletter.application.UnsubscribeMailbox;
import org.scriptorium.newsletter.application.UnsubscribeMailboxSettings;
import org.scriptorium.newsletter.domain.Delivery;
import org.scriptorium.newsletter.domain.SubscriberStatus;
import org.scriptorium.newsletter.infrastructure.JpaSubscriberRepository;
import org.scriptorium.newsletter.infrastructure.UnsubscribeMailboxConfiguration;
import org.scriptorium.testing.FreshDatabase;
import org.scriptorium.testing.MailTesting;
import org.scriptorium.testing.MapConfig;
import org.scriptorium.testing.MutableClock;
import org.scriptorium.testing.NewsletterTesting;
import org.scriptorium.testing.TestServices;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The {@code mailto:} of {@code List-Unsubscribe} against a real mail server (GreenMail speaking SMTP and IMAP): a
 * reader writes to the address of an edition's header with its subject, the poll unsubscribes them and removes
 * the message; a forged token changes nothing; a message is handled once; other mail is left alone.
 */
class MailUnsubscribeTest {

    private static final Pattern MAILTO = Pattern.compile("<mailto:([^?>]+)\\?subject=([^>]+)>");
    private static final String MAILBOX = "unsubscribe@example.org";

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase();

    @TempDir
    Path outbox;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    private GreenMail mail;
    private ServerSetup smtp;
    private NewsletterTesting nl;

    @BeforeEach
    void start() {
        smtp = new ServerSetup(MailTesting.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(MailTesting.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        mail = new GreenMail(new ServerSetup[] {smtp, imap});
        mail.start();
        mail.setUser(MAILBOX, "unsubscribe", "mailbox secret");
        nl = new NewsletterTesting(clock, smtp.getPort(), outbox).withMailbox(UnsubscribeMailboxSettings.of(MAILBOX, "127.0.0.1",
                String.valueOf(imap.getPort()), "unsubscribe", "mailbox secret", "none", "", "60"));
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    @Test
    void aMessageToTheEditionsMailtoUnsubscribesOnceAndAForgedTokenDoesNothing() throws Exception {
        long edition = sendEditionTo("leaving@example.org,fr\nstaying@example.org,de\n");
        MimeMessage received = to("leaving@example.org");
        Matcher mailto = MAILTO.matcher(received.getHeader("List-Unsubscribe")[0]);
        assertThat(mailto.find()).as(received.getHeader("List-Unsubscribe")[0]).isTrue();
        assertThat(mailto.group(1)).isEqualTo(MAILBOX);
        String subject = URLDecoder.decode(mailto.group(2), StandardCharsets.UTF_8);
        assertThat(subject).startsWith("unsubscribe m.");

        long staying = id("staying@example.org");
        GreenMailUtil.sendTextEmail(MAILBOX, "leaving@example.org", subject, "", smtp);
        GreenMailUtil.sendTextEmail(MAILBOX, "mallory@example.net",
                "unsubscribe m." + staying + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "", smtp);
        GreenMailUtil.sendTextEmail(MAILBOX, "mallory@example.net", "unsubscribe m." + staying + "." + subject.substring(subject.lastIndexOf('.') + 1), "", smtp);
        GreenMailUtil.sendTextEmail(MAILBOX, "someone@example.net", "Please unsubscribe me, thanks", "a person wrote this", smtp);
        GreenMailUtil.sendTextEmail(MAILBOX, "someone@example.net", "A question about the letter", "", smtp);
        assertThat(inbox()).isEqualTo(5);

        MailUnsubscribes.PollResult first = db.inTransaction(em -> nl.mailUnsubscribes(em).poll());
        assertThat(first).isEqualTo(new MailUnsubscribes.PollResult(1, 2, 1));
        assertThat(status("leaving@example.org")).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
        assertThat(status("staying@example.org")).as("forged tokens change nothing").isEqualTo(SubscriberStatus.CONFIRMED);
        assertThat(inbox()).as("handled and forged requests removed, the rest left alone").isEqualTo(2);

        MailUnsubscribes.PollResult second = db.inTransaction(em -> nl.mailUnsubscribes(em).poll());
        assertThat(second).as("each request handled once").isEqualTo(new MailUnsubscribes.PollResult(0, 0, 1));
        assertThat(edition).isPositive();
    }

    @Test
    void anUnreachableMailboxChangesNothingAndSaysSo() {
        int closed = MailTesting.freePort();
        nl.withMailbox(UnsubscribeMailboxSettings.of(MAILBOX, "127.0.0.1", String.valueOf(closed), "unsubscribe", "x", "none", "", "60"));
        assertThatThrownBy(() -> db.inTransaction(em -> nl.mailUnsubscribes(em).poll()))
                .isInstanceOf(UnsubscribeMailbox.MailboxUnavailableException.class).hasMessageContaining(String.valueOf(closed));
        assertThat(UnsubscribeMailboxSettings.off().enabled()).isFalse();
        MailUnsubscribes.PollResult off = db.inTransaction(em -> nl.withMailbox(UnsubscribeMailboxSettings.off()).mailUnsubscribes(em).poll());
        assertThat(off).isEqualTo(new MailUnsubscribes.PollResult(0, 0, 0));
    }

    @Test
    void withoutAnUnsubscribeAddressTheMailtoGoesToTheSender() {
        assertThat(UnsubscribeMailboxSettings.of("", "", "", "", "", "", "", "").addressOr(
                org.scriptorium.mail.domain.EmailAddress.of("letters@example.org")).value()).isEqualTo("letters@example.org");
        assertThat(UnsubscribeMailboxSettings.of("", "imap.example.org", "", "", "", "", "", "").port()).isEqualTo(993);
        assertThat(UnsubscribeMailboxSettings.of("", "imap.example.org", "", "", "", "starttls", "", "").port()).isEqualTo(143);
        assertThatThrownBy(() -> UnsubscribeMailboxSettings.of("", "imap.example.org", "x", "", "", "", "", ""))
                .hasMessageContaining(UnsubscribeMailboxSettings.PORT);
        UnsubscribeMailboxSettings configured = UnsubscribeMailboxConfiguration.from(MapConfig.of(java.util.Map.of(
                "scriptorium.unsubscribe.address", "leave@example.org", "scriptorium.unsubscribe.imap.host", "imap.example.org",
                "scriptorium.unsubscribe.imap.user", "leave", "scriptorium.unsubscribe.imap.tls", "starttls",
                "scriptorium.unsubscribe.imap.poll.seconds", "30")));
        assertThat(configured.enabled()).isTrue();
        assertThat(configured.address()).hasValue(org.scriptorium.mail.domain.EmailAddress.of("leave@example.org"));
        assertThat(configured.security()).isEqualTo(org.scriptorium.mail.domain.SmtpSecurity.STARTTLS);
        assertThat(configured.pollInterval()).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(configured.toString()).as("no password in logs").doesNotContain("password=");
    }

    /** Imports confirmed subscribers, sends them an edition through GreenMail; returns the edition's id. */
    private long sendEditionTo(String csv) {
        db.run(em -> TestServices.demo(em, clock).loadIfEmpty());
        db.run(em -> nl.admin(em).importCsv(new StringReader(csv), true, "it", "chief"));
        long edition = db.inTransaction(em -> {
            var editions = nl.editions(em);
            List<Long> picked = editions.candidates().stream().limit(2).map(c -> c.articleId()).toList();
            return editions.create("Letter", false, picked, "chief");
        });
        db.inTransaction(em -> nl.editions(em).sendNow(edition, "chief"));
        db.run(em -> {
            EditionSending sending = nl.sending(em);
            var renderings = new EditionSending.Renderings(nl.editions(em).snapshot(edition));
            for (Delivery d : sending.due(edition, 0, 100)) {
                assertThat(sending.deliver(d, renderings)).isEqualTo(EditionSending.Outcome.SENT);
            }
        });
        return edition;
    }

    private MimeMessage to(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
    }

    private int inbox() throws Exception {
        return mail.getManagers().getImapHostManager().getInbox(mail.getManagers().getUserManager().getUser("unsubscribe")).getMessageCount();
    }

    private long id(String email) {
        return db.inTransaction(em -> new JpaSubscriberRepository(em).findByEmail(email).orElseThrow().getId());
    }

    private SubscriberStatus status(String email) {
        return db.inTransaction(em -> new JpaSubscriberRepository(em).findByEmail(email).orElseThrow().getStatus());
    }
}
