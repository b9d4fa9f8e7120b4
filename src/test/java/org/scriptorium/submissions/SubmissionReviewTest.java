package org.scriptorium.submissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.content.application.GuestCredits;
import org.scriptorium.content.domain.Article;
import org.scriptorium.content.infrastructure.JpaArticleRepository;
import org.scriptorium.i18n.infrastructure.JpaSiteLanguageRepository;
import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.i18n.application.UiTexts;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.mail.application.MailConfiguration;
import org.scriptorium.media.application.MediaService;
import org.scriptorium.media.infrastructure.JpaArticleMediaUsages;
import org.scriptorium.media.infrastructure.JpaMediaRepository;
import org.scriptorium.platform.audit.AuditEvent;
import org.scriptorium.platform.consent.ConsentGiven;
import org.scriptorium.platform.config.Settings;
import org.scriptorium.spam.application.AkismetGateway;
import org.scriptorium.spam.infrastructure.akismet.HttpAkismetClientFactory;
import org.scriptorium.submissions.application.SubmissionException;
import org.scriptorium.submissions.application.SubmissionForm;
import org.scriptorium.submissions.application.SubmissionIntake;
import org.scriptorium.submissions.application.SubmissionNotices;
import org.scriptorium.submissions.application.SubmissionReview;
import org.scriptorium.submissions.application.UploadArea;
import org.scriptorium.submissions.domain.SpamCheck;
import org.scriptorium.submissions.domain.Submission;
import org.scriptorium.submissions.domain.SubmissionStatus;
import org.scriptorium.submissions.domain.SubmissionStatusChanged;
import org.scriptorium.submissions.infrastructure.JpaSubmissionRepository;
import org.scriptorium.testing.AkismetTestServer;
import org.scriptorium.testing.MailTesting;
import org.scriptorium.testing.MutableClock;
import org.scriptorium.testing.RecordingEvents;
import org.scriptorium.testing.TestDatabase;
import org.scriptorium.testing.TestServices;

import com.icegreen.greenmail.util.GreenMail;

/**
 * Submissions on a real database: intake checks, rate limits, the min fill time and honeypot, and accepting a
 * story into a draft credited to its guest author with its picture in the media library.
 */
class SubmissionReviewTest {

    private static final String EDITOR = "sub-editor@scriptorium.test";
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    private static TestDatabase db;
    private static Path root;
    private static GreenMail smtp;
    private final List<Object> fired = new ArrayList<>();

    @BeforeAll
    static void load() throws Exception {
        db = TestDatabase.create();
        db.run(em -> TestServices.demo(em, CLOCK).loadIfEmpty());
        db.run(em -> TestServices.users(em, CLOCK).create(EDITOR, "Sara Editor", "pw-editor-123", Set.of(Role.EDITOR)));
        root = Files.createTempDirectory("scriptorium-submissions");
        smtp = MailTesting.greenMail();
    }

    @AfterAll
    static void close() {
        smtp.stop();
        db.close();
    }

    private final org.scriptorium.settings.application.SiteSettings settings = MailTesting.siteSettings(CLOCK);

    private final AkismetGateway akismet = new AkismetGateway(MailTesting.settings(Map.of(Settings.BASE_URL, "http://localhost")),
            settings, new HttpAkismetClientFactory(), CLOCK);

    private SubmissionIntake intake(EntityManager em) {
        return new SubmissionIntake(new JpaSubmissionRepository(em), new UploadArea(root), settings,
                new LanguageService(new JpaSiteLanguageRepository(em)), TestServices.editorial(em, CLOCK, new RecordingEvents()),
                akismet, fired::add, CLOCK, "http://localhost");
    }

    private SubmissionReview review(EntityManager em) {
        MediaService media = new MediaService(new JpaMediaRepository(em), TestServices.media(), settings,
                List.of(new JpaArticleMediaUsages(em)), fired::add, CLOCK);
        return new SubmissionReview(new JpaSubmissionRepository(em), new UploadArea(root),
                TestServices.editorial(em, CLOCK, new RecordingEvents()), new GuestCredits(new JpaArticleRepository(em)), media,
                TestServices.users(em, CLOCK), akismet,
                fired::add, CLOCK, "http://localhost");
    }

    private SubmissionNotices notices(EntityManager em) {
        MailConfiguration mail = new MailConfiguration(MailTesting.settings(Map.of(
                "scriptorium.smtp.host", "127.0.0.1", "scriptorium.smtp.port", String.valueOf(smtp.getSmtp().getPort()),
                "scriptorium.smtp.tls", "none", "scriptorium.mail.from", "redazione@example.org")),
                MailTesting.siteSettings(CLOCK), CLOCK);
        return new SubmissionNotices(new JpaSubmissionRepository(em), MailTesting.mailer(mail, root.resolve("outbox")),
                new UiTexts(), "http://localhost");
    }

    /** Hands the status changes fired so far to the notices, each in its own transaction as after a commit. */
    private void deliverNotices() {
        List<SubmissionStatusChanged> changes = fired.stream().filter(SubmissionStatusChanged.class::isInstance)
                .map(SubmissionStatusChanged.class::cast).toList();
        fired.removeIf(SubmissionStatusChanged.class::isInstance);
        for (SubmissionStatusChanged change : changes) {
            db.run(em -> notices(em).onChange(change));
        }
    }

    /** The messages GreenMail received for an address, oldest first. */
    private static List<MimeMessage> mailTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                found.add(m);
            }
        }
        return found;
    }

    /** The plain-text part of a message, decoded. */
    private static String plainText(Object content) throws Exception {
        if (content instanceof MimeMessage m) {
            return plainText(m.getContent());
        }
        if (content instanceof Multipart multi) {
            for (int i = 0; i < multi.getCount(); i++) {
                BodyPart part = multi.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
                if (part.getContent() instanceof Multipart inner) {
                    String text = plainText(inner);
                    if (!text.isEmpty()) {
                        return text;
                    }
                }
            }
            return "";
        }
        return String.valueOf(content);
    }

    private SubmissionForm form(String started, String token, String email, String honeypot) {
        return form("it", started, token, email, honeypot);
    }

    private SubmissionForm form(String language, String started, String token, String email, String honeypot) {
        return new SubmissionForm(language, "Il mio laboratorio", "Un riassunto", "<p>La <b>storia</b></p><script>x()</script>",
                "", "Lia Ospite", email, "Falegname", true, honeypot, started, token);
    }

    /** A story in a language from a new address, sent after the minimum fill time; events recorded from here. */
    private SubmissionIntake.Received submitted(String language, String email, String ip) {
        String started = db.inTransaction(em -> intake(em).startStamp());
        CLOCK.set(CLOCK.instant().plusSeconds(5));
        fired.clear();
        return db.inTransaction(em -> intake(em).submit(form(language, started, null, email, ""), sender(ip)));
    }

    private static Submission.Sender sender(String ip) {
        return new Submission.Sender(ip, "JUnit", null);
    }

    @Test
    void aStoryWithAPictureBecomesADraftCreditedToItsGuestAuthor() throws Exception {
        String token = UploadArea.newToken();
        String started = db.inTransaction(em -> intake(em).startStamp());
        CLOCK.set(CLOCK.instant().plusSeconds(5));
        byte[] png = org.scriptorium.media.ImageSnifferTest.image("png", 900, 300);
        db.run(em -> intake(em).keepImage(token, 1, "banco.png", new java.io.ByteArrayInputStream(png)));
        SubmissionIntake.Received received = db.inTransaction(em -> intake(em).submit(form(started, token, "lia@example.org", ""),
                sender("203.0.113.1")));
        assertThat(fired).anySatisfy(e -> assertThat(e).isInstanceOf(ConsentGiven.class))
                .anySatisfy(e -> assertThat(e).isEqualTo(new SubmissionStatusChanged(received.id(), null, SubmissionStatus.NEW)));
        db.run(em -> intake(em).checkSpam(received.id()));

        SubmissionReview.Accepted accepted = db.inTransaction(em -> review(em).accept(EDITOR, received.id(), "Grazie!"));
        db.run(em -> {
            Article article = new JpaArticleRepository(em).findById(accepted.articleId()).orElseThrow();
            assertThat(article.getGuestAuthorName()).contains("Lia Ospite");
            assertThat(article.getGuestAuthorBio()).contains("Falegname");
            assertThat(article.getFeaturedImage()).hasValueSatisfying(i -> assertThat(i).startsWith("/media/banco-"));
            assertThat(article.translation("it").orElseThrow().getBody()).contains("<b>storia</b>").doesNotContain("script");
            assertThat(article.translation("it").orElseThrow().getStatus().name()).isEqualTo("DRAFT");
            assertThat(new JpaSubmissionRepository(em).findById(received.id()).orElseThrow().getStatus())
                    .isEqualTo(SubmissionStatus.ACCEPTED);
        });
        assertThat(fired).anySatisfy(e -> assertThat(e).isInstanceOf(AuditEvent.class));

        String quarantined = db.inTransaction(em -> new JpaSubmissionRepository(em).findById(received.id()).orElseThrow()
                .getImages().get(0).getFileName());
        assertThat(new UploadArea(root).read(received.id(), quarantined)).as("still in quarantine until the commit").isPresent();
        SubmissionStatusChanged acceptedEvent = fired.stream().filter(SubmissionStatusChanged.class::isInstance)
                .map(SubmissionStatusChanged.class::cast).filter(e -> e.to() == SubmissionStatus.ACCEPTED).findFirst().orElseThrow();
        new org.scriptorium.submissions.application.QuarantineRelease(new UploadArea(root)).onChange(acceptedEvent);
        assertThat(new UploadArea(root).read(received.id(), quarantined)).as("moved: no copy left in quarantine").isEmpty();
        SubmissionReview.Detail detail = db.inTransaction(em -> review(em).detail(received.id()).orElseThrow());
        assertThat(detail.images()).isEmpty();
        assertThat(detail.imagesMoved()).isEqualTo(1);

        assertThatThrownBy(() -> db.run(em -> review(em).accept(EDITOR, received.id(), "")))
                .isInstanceOfSatisfying(SubmissionException.class,
                        e -> assertThat(e.reason()).isEqualTo(SubmissionException.Reason.WRONG_STATUS));
    }

    @Test
    void aForgedOrTooRecentStampIsRefused() {
        String started = db.inTransaction(em -> intake(em).startStamp());
        assertThatThrownBy(() -> db.run(em -> intake(em).submit(form(started, null, "fast@example.org", ""), sender("203.0.113.2"))))
                .isInstanceOfSatisfying(SubmissionIntake.Refused.class, r -> assertThat(r.problems().get(0).reason())
                        .isEqualTo(SubmissionException.Reason.TOO_FAST));
        String forged = (CLOCK.millis() - 60_000) + started.substring(started.indexOf('-'));
        CLOCK.set(CLOCK.instant().plusSeconds(5));
        assertThatThrownBy(() -> db.run(em -> intake(em).submit(form(forged, null, "forged@example.org", ""), sender("203.0.113.2"))))
                .isInstanceOf(SubmissionIntake.Refused.class);
    }

    @Test
    void missingFieldsAreAllReportedAndNothingIsStored() {
        SubmissionForm empty = new SubmissionForm("xx", " ", "", "<script>only</script>", "abc", "", "not-an-address", "",
                false, "", "", null);
        assertThatThrownBy(() -> db.run(em -> intake(em).submit(empty, sender("203.0.113.3"))))
                .isInstanceOfSatisfying(SubmissionIntake.Refused.class, r -> assertThat(r.problems())
                        .extracting(SubmissionException::field)
                        .contains("language", "title", "summary", "story", "authorName", "email", "category", "consent"));
    }

    @Test
    void theRateLimitsPerAddressAndPerEmailHold() {
        String started = db.inTransaction(em -> intake(em).startStamp());
        CLOCK.set(CLOCK.instant().plusSeconds(5));
        for (int i = 0; i < 3; i++) {
            int n = i;
            db.run(em -> intake(em).submit(form(started, null, "same@example.org", ""), sender("203.0.113." + (50 + n))));
        }
        assertThatThrownBy(() -> db.run(em -> intake(em).submit(form(started, null, "same@example.org", ""), sender("203.0.113.60"))))
                .isInstanceOfSatisfying(SubmissionIntake.Refused.class, r -> assertThat(r.problems().get(0).reason())
                        .isEqualTo(SubmissionException.Reason.RATE_LIMITED));
        for (int i = 0; i < 5; i++) {
            int n = i;
            db.run(em -> intake(em).submit(form(started, null, "addr" + n + "@example.org", ""), sender("203.0.113.70")));
        }
        assertThatThrownBy(() -> db.run(em -> intake(em).submit(form(started, null, "addr9@example.org", ""), sender("203.0.113.70"))))
                .isInstanceOf(SubmissionIntake.Refused.class);
    }

    @Test
    void aFilledHoneypotStoresTheSubmissionAsSpamWithoutNotifying() {
        String started = db.inTransaction(em -> intake(em).startStamp());
        CLOCK.set(CLOCK.instant().plusSeconds(5));
        fired.clear();
        SubmissionIntake.Received r = db.inTransaction(em -> intake(em).submit(form(started, null, "pot@example.org", "http://x"),
                sender("203.0.113.90")));
        db.run(em -> assertThat(new JpaSubmissionRepository(em).findById(r.id()).orElseThrow().getStatus())
                .isEqualTo(SubmissionStatus.SPAM));
        assertThat(fired).noneSatisfy(e -> assertThat(e).isInstanceOf(SubmissionStatusChanged.class));
        Optional<SubmissionIntake.StatusView> shown = db.inTransaction(em -> intake(em).status(r.statusToken()));
        assertThat(shown).hasValueSatisfying(v -> assertThat(v.status()).isEqualTo(SubmissionStatus.NEW));
        Optional<SubmissionIntake.StatusView> unknown = db.inTransaction(em -> intake(em).status("0123456789abcdef0123456789abcdef"));
        assertThat(unknown).isEmpty();
    }

    @Test
    void everyStatusChangeIsMailedToTheSubmitterInTheLanguageOfTheStory() throws Exception {
        String email = "jonas-" + System.nanoTime() + "@example.org";
        SubmissionIntake.Received r = submitted("de", email, "203.0.113.120");
        deliverNotices();
        List<MimeMessage> mails = mailTo(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("Wir haben Ihre Geschichte erhalten");
        assertThat(plainText(mails.get(0))).contains("Hallo Lia Ospite,")
                .contains("http://localhost/de/submit/status/" + r.statusToken());

        db.run(em -> review(em).startReview(EDITOR, r.id()));
        deliverNotices();
        mails = mailTo(email);
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).getSubject()).isEqualTo("Neuigkeiten zu Ihrer Geschichte");
        assertThat(plainText(mails.get(1))).contains("Wird von der Redaktion geprüft");
        Optional<SubmissionIntake.StatusView> inReview = db.inTransaction(em -> intake(em).status(r.statusToken()));
        assertThat(inReview).hasValueSatisfying(v -> assertThat(v.status()).isEqualTo(SubmissionStatus.IN_REVIEW));

        String template = new UiTexts().msg("de", "submissions.decline.notFit");
        assertThat(template).startsWith("Danke für Ihre Einsendung");
        db.run(em -> review(em).decline(EDITOR, r.id(), template));
        deliverNotices();
        mails = mailTo(email);
        assertThat(mails).hasSize(3);
        assertThat(mails.get(2).getSubject()).isEqualTo("Neuigkeiten zu Ihrer Geschichte");
        assertThat(plainText(mails.get(2))).contains("Nicht angenommen").contains(template)
                .contains("/de/submit/status/" + r.statusToken());
        Optional<SubmissionIntake.StatusView> shown = db.inTransaction(em -> intake(em).status(r.statusToken()));
        assertThat(shown).hasValueSatisfying(v -> {
            assertThat(v.status()).isEqualTo(SubmissionStatus.DECLINED);
            assertThat(v.message()).isEqualTo(template);
        });
        assertThatThrownBy(() -> db.run(em -> review(em).decline(EDITOR, r.id(), " ")))
                .isInstanceOfSatisfying(SubmissionException.class,
                        e -> assertThat(e.reason()).isEqualTo(SubmissionException.Reason.REQUIRED));
    }

    @Test
    void anAcceptedStoryIsMailedInItsLanguageAndSpamIsNeverAnswered() throws Exception {
        String email = "margot-" + System.nanoTime() + "@example.org";
        SubmissionIntake.Received r = submitted("fr", email, "203.0.113.121");
        db.inTransaction(em -> review(em).accept(EDITOR, r.id(), "Nous la publions la semaine prochaine."));
        deliverNotices();
        List<MimeMessage> mails = mailTo(email);
        assertThat(mails).extracting(MimeMessage::getSubject)
                .containsExactly("Nous avons reçu votre histoire", "Du nouveau pour votre histoire");
        assertThat(plainText(mails.get(1))).contains("Bonjour Lia Ospite,").contains("Acceptée")
                .contains("Nous la publions la semaine prochaine.");

        String spammer = "spam-" + System.nanoTime() + "@example.org";
        SubmissionIntake.Received junk = submitted("es", spammer, "203.0.113.122");
        deliverNotices();
        db.run(em -> review(em).markSpam(EDITOR, junk.id()));
        deliverNotices();
        assertThat(mailTo(spammer)).as("the notice of arrival only, none for spam").hasSize(1);
    }

    @Test
    void theAkismetKeySavedInTheBackOfficeIsTheOneSubmissionsUse() {
        try (AkismetTestServer server = AkismetTestServer.startOnFreePort()) {
            String started = db.inTransaction(em -> intake(em).startStamp());
            CLOCK.set(CLOCK.instant().plusSeconds(5));
            SubmissionIntake.Received before = db.inTransaction(em -> intake(em).submit(
                    form("pt", started, null, "before-" + System.nanoTime() + "@example.org", ""), sender("203.0.113.130")));
            db.run(em -> intake(em).checkSpam(before.id()));
            db.run(em -> assertThat(new JpaSubmissionRepository(em).findById(before.id()).orElseThrow().getSpamCheck())
                    .as("no key configured: Akismet is off").isEqualTo(SpamCheck.OFF));

            settings.put(AkismetGateway.KEY_SETTING, AkismetTestServer.VALID_KEY);
            settings.put(AkismetGateway.ENDPOINT_SETTING, server.endpoint());
            SubmissionIntake.Received after = db.inTransaction(em -> intake(em).submit(
                    form("pt", started, null, "after-" + System.nanoTime() + "@example.org", ""), sender("203.0.113.131")));
            db.run(em -> intake(em).checkSpam(after.id()));
            db.run(em -> assertThat(new JpaSubmissionRepository(em).findById(after.id()).orElseThrow().getSpamCheck())
                    .isEqualTo(SpamCheck.HAM));
            assertThat(server.calls("/1.1/comment-check")).singleElement().satisfies(c -> {
                assertThat(c.param("api_key")).hasValue(AkismetTestServer.VALID_KEY);
                assertThat(c.param("comment_type")).hasValue("blog-post");
                assertThat(c.param("blog_lang")).hasValue("pt");
            });
            db.run(em -> review(em).markSpam(EDITOR, after.id()));
            assertThat(server.calls("/1.1/submit-spam")).singleElement()
                    .satisfies(c -> assertThat(c.param("comment_type")).hasValue("blog-post"));
        }
    }

    @Test
    void theQueueCountsAndFiltersByStatusAndTextAndAReviewerCanBeAssignedAndNotesAdded() {
        String started = db.inTransaction(em -> intake(em).startStamp());
        CLOCK.set(CLOCK.instant().plusSeconds(5));
        Map<SubmissionStatus, Long> before = db.inTransaction(em -> review(em).counts());
        String email = "queue-" + System.nanoTime() + "@example.org";
        SubmissionIntake.Received r = db.inTransaction(em -> intake(em).submit(form("es", started, null, email, ""),
                sender("203.0.113.140")));
        db.run(em -> review(em).startReview(EDITOR, r.id()));
        Map<SubmissionStatus, Long> after = db.inTransaction(em -> review(em).counts());
        assertThat(after.getOrDefault(SubmissionStatus.IN_REVIEW, 0L))
                .isEqualTo(before.getOrDefault(SubmissionStatus.IN_REVIEW, 0L) + 1);

        List<SubmissionReview.Row> inReview = db.inTransaction(em -> review(em).queue(Optional.of(SubmissionStatus.IN_REVIEW),
                Optional.of(email), 1, 20));
        assertThat(inReview).singleElement().satisfies(row -> assertThat(row.id()).isEqualTo(r.id()));
        assertThat((List<?>) db.inTransaction(em -> review(em).queue(Optional.of(SubmissionStatus.NEW), Optional.of(email), 1, 20)))
                .isEmpty();
        assertThat((long) db.inTransaction(em -> review(em).total(Optional.empty(), Optional.of(" " + email + " ")))).isEqualTo(1);

        assertThat((List<String>) db.inTransaction(em -> review(em).reviewers())).contains(EDITOR);
        db.run(em -> review(em).assign(EDITOR, r.id(), EDITOR));
        assertThatThrownBy(() -> db.run(em -> review(em).assign(EDITOR, r.id(), "stranger@example.org")))
                .isInstanceOf(SubmissionException.class);
        db.run(em -> review(em).addNote(EDITOR, r.id(), "Check the dates."));
        SubmissionReview.Detail detail = db.inTransaction(em -> review(em).detail(r.id()).orElseThrow());
        assertThat(detail.reviewer()).isEqualTo(EDITOR);
        assertThat(detail.notes()).singleElement().satisfies(n -> {
            assertThat(n.author()).isEqualTo(EDITOR);
            assertThat(n.text()).isEqualTo("Check the dates.");
        });
        assertThat(detail.storyHtml()).contains("<b>storia</b>").doesNotContain("<script>");
    }
}
