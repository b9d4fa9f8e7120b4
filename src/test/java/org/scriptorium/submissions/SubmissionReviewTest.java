package org.scriptorium.submissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.content.application.GuestCredits;
import org.scriptorium.content.domain.Article;
import org.scriptorium.content.infrastructure.JpaArticleRepository;
import org.scriptorium.i18n.infrastructure.JpaSiteLanguageRepository;
import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.media.application.MediaService;
import org.scriptorium.media.infrastructure.JpaArticleMediaUsages;
import org.scriptorium.media.infrastructure.JpaMediaRepository;
import org.scriptorium.platform.audit.AuditEvent;
import org.scriptorium.platform.consent.ConsentGiven;
import org.scriptorium.spam.application.AkismetSettings;
import org.scriptorium.spam.infrastructure.akismet.HttpAkismetClient;
import org.scriptorium.submissions.application.SubmissionException;
import org.scriptorium.submissions.application.SubmissionForm;
import org.scriptorium.submissions.application.SubmissionIntake;
import org.scriptorium.submissions.application.SubmissionReview;
import org.scriptorium.submissions.application.UploadArea;
import org.scriptorium.submissions.domain.Submission;
import org.scriptorium.submissions.domain.SubmissionStatus;
import org.scriptorium.submissions.domain.SubmissionStatusChanged;
import org.scriptorium.submissions.infrastructure.JpaSubmissionRepository;
import org.scriptorium.testing.MailTesting;
import org.scriptorium.testing.MutableClock;
import org.scriptorium.testing.RecordingEvents;
import org.scriptorium.testing.TestDatabase;
import org.scriptorium.testing.TestServices;

/**
 * Submissions on a real database: intake checks, rate limits, the min fill time and honeypot, and accepting a
 * story into a draft credited to its guest author with its picture in the media library.
 */
class SubmissionReviewTest {

    private static final String EDITOR = "sub-editor@scriptorium.test";
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    private static TestDatabase db;
    private static Path root;
    private final List<Object> fired = new ArrayList<>();

    @BeforeAll
    static void load() throws Exception {
        db = TestDatabase.create();
        db.run(em -> TestServices.demo(em, CLOCK).loadIfEmpty());
        db.run(em -> TestServices.users(em, CLOCK).create(EDITOR, "Sara Editor", "pw-editor-123", Set.of(Role.EDITOR)));
        root = Files.createTempDirectory("scriptorium-submissions");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private final org.scriptorium.settings.application.SiteSettings settings = MailTesting.siteSettings(CLOCK);

    private SubmissionIntake intake(EntityManager em) {
        return new SubmissionIntake(new JpaSubmissionRepository(em), new UploadArea(root), settings,
                new LanguageService(new JpaSiteLanguageRepository(em)), TestServices.editorial(em, CLOCK, new RecordingEvents()),
                new HttpAkismetClient(AkismetSettings.of(null, "http://localhost/")), fired::add, CLOCK, "http://localhost");
    }

    private SubmissionReview review(EntityManager em) {
        MediaService media = new MediaService(new JpaMediaRepository(em), TestServices.media(), settings,
                List.of(new JpaArticleMediaUsages(em)), fired::add, CLOCK);
        return new SubmissionReview(new JpaSubmissionRepository(em), new UploadArea(root),
                TestServices.editorial(em, CLOCK, new RecordingEvents()), new GuestCredits(new JpaArticleRepository(em)), media,
                TestServices.users(em, CLOCK), new HttpAkismetClient(AkismetSettings.of(null, "http://localhost/")),
                fired::add, CLOCK, "http://localhost");
    }

    private SubmissionForm form(String started, String token, String email, String honeypot) {
        return new SubmissionForm("it", "Il mio laboratorio", "Un riassunto", "<p>La <b>storia</b></p><script>x()</script>",
                "", "Lia Ospite", email, "Falegname", true, honeypot, started, token);
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
}
