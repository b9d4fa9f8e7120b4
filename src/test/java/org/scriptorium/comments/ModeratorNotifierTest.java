package org.scriptorium.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.comments.application.CommentSettings;
import org.scriptorium.comments.application.ModeratorNotifier;
import org.scriptorium.comments.application.PostInput;
import org.scriptorium.comments.application.PostResult;
import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.mail.application.MailConfiguration;
import org.scriptorium.testing.MailTesting;
import org.scriptorium.testing.MutableClock;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

/** Moderators hear of pending comments by e-mail (real SMTP: GreenMail), at once or as a daily digest. */
class ModeratorNotifierTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    private CommentFixture f;
    private GreenMail smtp;
    private ModeratorNotifier notifier;
    private long it;
    private int n;

    @TempDir
    Path outbox;

    @BeforeEach
    void setUp() {
        f = new CommentFixture(clock, null, null, 1000);
        it = f.translation("it");
        smtp = MailTesting.greenMail();
        MailConfiguration mail = new MailConfiguration(MailTesting.settings(Map.of(
                "scriptorium.smtp.host", "127.0.0.1", "scriptorium.smtp.port", String.valueOf(smtp.getSmtp().getPort()),
                "scriptorium.smtp.tls", "none", "scriptorium.mail.from", "redazione@example.org")),
                MailTesting.siteSettings(clock), clock);
        LanguageService languages = new LanguageService() {
            @Override
            public String defaultCode() {
                return "it";
            }
        };
        notifier = new ModeratorNotifier(f.transactional(), f.store, MailTesting.mailer(mail, outbox), languages,
                f.settings, clock);
    }

    @AfterEach
    void tearDown() {
        smtp.stop();
        f.close();
    }

    private void post(String name, String body) {
        n++;
        PostResult r = f.tx(s -> s.post(new PostInput(it, null, name, "r" + n + "@example.org", "", body, "",
                clock.instant().minusSeconds(30), "198.51.100." + n, "UA", null)));
        assertThat(r).isInstanceOf(PostResult.Accepted.class);
    }

    private void mode(CommentSettings.Notification mode) {
        Function<CommentSettings, CommentSettings> change = s -> new CommentSettings(s.policy(), s.floodSeconds(),
                s.minFillSeconds(), s.maxLinks(), s.blockedWords(), s.blockedIps(), s.blockedEmails(), s.maxDepth(),
                s.closeAfterDays(), s.spamPurgeDays(), mode, s.akismetKey(), s.akismetEndpoint());
        f.settings(change);
    }

    @Test
    void eachPendingCommentIsMailedOnceToTheModeratorsWithTheReadersTextEscaped() throws Exception {
        post("Gianna <script>", "Testo <b>grassetto</b> & altro");
        assertThat(notifier.sendDue()).isEqualTo(1);
        assertThat(notifier.sendDue()).as("told once").isZero();
        MimeMessage[] received = smtp.getReceivedMessages();
        List<String> to = java.util.Arrays.stream(received).map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(to).contains(CommentFixture.MODERATOR);
        String raw = GreenMailUtil.getWholeMessage(received[0]);
        assertThat(received[0].getSubject()).startsWith("Nuovo commento da moderare");
        assertThat(raw).contains("&lt;b&gt;grassetto&lt;/b&gt;").doesNotContain("<b>grassetto</b></blockquote>");
    }

    @Test
    void theDigestGoesOutOnceADayWithEveryWaitingComment() {
        mode(CommentSettings.Notification.DIGEST);
        post("Uno", "primo");
        post("Due", "secondo");
        assertThat(notifier.sendDue()).isEqualTo(2);
        post("Tre", "terzo");
        assertThat(notifier.sendDue()).as("not before a day has passed").isZero();
        clock.set(clock.instant().plus(Duration.ofHours(25)));
        assertThat(notifier.sendDue()).isEqualTo(1);
    }

    @Test
    void nothingIsSentWhenTurnedOff() {
        mode(CommentSettings.Notification.OFF);
        post("Zero", "niente");
        assertThat(notifier.sendDue()).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
