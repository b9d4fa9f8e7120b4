package org.scriptorium.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.scriptorium.consent.application.ConsentLog;
import org.scriptorium.consent.infrastructure.JpaConsentRecordRepository;
import org.scriptorium.newsletter.application.GrowthSeries;
import org.scriptorium.newsletter.application.ConfirmResult;
import org.scriptorium.newsletter.application.EditionProgress;
import org.scriptorium.newsletter.application.EditionSending;
import org.scriptorium.newsletter.application.ImportReport;
import org.scriptorium.newsletter.application.SignupRequest;
import org.scriptorium.newsletter.application.SignupResult;
import org.scriptorium.newsletter.domain.Delivery;
import org.scriptorium.newsletter.domain.EditionStatus;
import org.scriptorium.newsletter.domain.SubscriberQuery;
import org.scriptorium.newsletter.domain.SubscriberStatus;
import org.scriptorium.newsletter.infrastructure.JpaSubscriberRepository;
import org.scriptorium.testing.FreshDatabase;
import org.scriptorium.testing.MailTesting;
import org.scriptorium.testing.MutableClock;
import org.scriptorium.testing.NewsletterTesting;
import org.scriptorium.testing.TestServices;

import com.icegreen.greenmail.util.GreenMail;

/**
 * The newsletter against a real database and a real SMTP server (GreenMail): double opt-in, unsubscribe,
 * import and erasure, and editions sent per language with delivery records that survive an interruption.
 */
class NewsletterTest {

    private static final Pattern LINK = Pattern.compile("https://news\\.example\\.org/[a-z]{2}/newsletter/confirm\\?token=([^\\s\"<]+)");

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase();

    @TempDir
    Path outbox;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    private GreenMail smtp;
    private NewsletterTesting nl;

    @BeforeEach
    void start() {
        smtp = MailTesting.greenMail();
        nl = new NewsletterTesting(clock, smtp.getSmtp().getPort(), outbox);
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private SignupResult signup(String email, String lang, boolean consent, String ip) {
        return db.inTransaction(em -> nl.subscriptions(em).signup(new SignupRequest(email, lang, consent, ip, "/" + lang + "/some-article")));
    }

    private static String text(MimeMessage m) throws Exception {
        return (String) ((Multipart) m.getContent()).getBodyPart(0).getContent();
    }

    private static String confirmToken(MimeMessage m) throws Exception {
        Matcher link = LINK.matcher(text(m));
        assertThat(link.find()).as("confirmation link in:\n" + text(m)).isTrue();
        return URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);
    }

    @Test
    void signupSendsASignedLinkInTheChosenLanguageWhichConfirmsOnceAndExpires() throws Exception {
        assertThat(signup("Lectrice@Example.org", "fr", true, "203.0.113.5")).isEqualTo(SignupResult.ACCEPTED);
        MimeMessage confirmation = smtp.getReceivedMessages()[0];
        assertThat(confirmation.getSubject()).isEqualTo("Confirmez votre abonnement à notre lettre d’information");
        assertThat(confirmation.getHeader("Content-Language")[0]).isEqualTo("fr");
        String token = confirmToken(confirmation);

        var consents = db.inTransaction(em -> new ConsentLog(new JpaConsentRecordRepository(em)).of("newsletter", "lectrice@example.org"));
        assertThat(consents).singleElement().satisfies(c -> {
            assertThat(c.getClientIp()).isEqualTo("203.0.113.5");
            assertThat(c.getPage()).isEqualTo("/fr/some-article");
            assertThat(c.getTextVersion()).isNotBlank();
        });

        var v1 = db.inTransaction(em -> nl.subscriptions(em).confirm(token + "x")).outcome();
        assertThat(v1).isEqualTo(ConfirmResult.Outcome.INVALID);
        ConfirmResult confirmed = db.inTransaction(em -> nl.subscriptions(em).confirm(token));
        assertThat(confirmed.outcome()).isEqualTo(ConfirmResult.Outcome.CONFIRMED);
        assertThat(confirmed.language()).isEqualTo("fr");
        var v2 = db.inTransaction(em -> nl.subscriptions(em).confirm(token)).outcome();
        assertThat(v2).as("single use")
                .isEqualTo(ConfirmResult.Outcome.INVALID);
        assertThat(status("lectrice@example.org")).isEqualTo(SubscriberStatus.CONFIRMED);

        // Signing up again does not reveal anything on the page; the address gets a note instead of a new link.
        assertThat(signup("lectrice@example.org", "fr", true, "203.0.113.5")).isEqualTo(SignupResult.ACCEPTED);
        assertThat(smtp.getReceivedMessages()[1].getSubject()).isEqualTo("Vous recevez déjà notre lettre d’information");
        assertThat(status("lectrice@example.org")).isEqualTo(SubscriberStatus.CONFIRMED);

        assertThat(signup("leser@example.org", "de", true, "203.0.113.6")).isEqualTo(SignupResult.ACCEPTED);
        String late = confirmToken(smtp.getReceivedMessages()[2]);
        clock.set(clock.instant().plus(Duration.ofHours(49)));
        var v3 = db.inTransaction(em -> nl.subscriptions(em).confirm(late)).outcome();
        assertThat(v3).isEqualTo(ConfirmResult.Outcome.EXPIRED);
    }

    @Test
    void badInputAndRepeatedSignupsAreRefused() {
        assertThat(signup("not an address", "it", true, "198.51.100.1")).isEqualTo(SignupResult.INVALID_EMAIL);
        assertThat(signup("a@example.org\r\nBcc: x@example.org", "it", true, "198.51.100.1")).isEqualTo(SignupResult.INVALID_EMAIL);
        assertThat(signup("a@example.org", "xx", true, "198.51.100.1")).isEqualTo(SignupResult.INVALID_LANGUAGE);
        assertThat(signup("a@example.org", "it", false, "198.51.100.1")).isEqualTo(SignupResult.NO_CONSENT);
        for (int i = 0; i < 3; i++) {
            assertThat(signup("same@example.org", "it", true, "198.51.100." + (10 + i))).isEqualTo(SignupResult.ACCEPTED);
        }
        assertThat(signup("same@example.org", "it", true, "198.51.100.20")).as("per address").isEqualTo(SignupResult.RATE_LIMITED);
        for (int i = 0; i < 10; i++) {
            assertThat(signup("n" + i + "@example.org", "es", true, "192.0.2.77")).isEqualTo(SignupResult.ACCEPTED);
        }
        assertThat(signup("n99@example.org", "es", true, "192.0.2.77")).as("per client").isEqualTo(SignupResult.RATE_LIMITED);
        clock.set(clock.instant().plus(Duration.ofMinutes(61)));
        assertThat(signup("n99@example.org", "es", true, "192.0.2.77")).isEqualTo(SignupResult.ACCEPTED);
    }

    @Test
    void theManagementLinkChangesLanguageAndUnsubscribes() throws Exception {
        signup("reader@example.org", "en", true, "203.0.113.8");
        String token = confirmToken(smtpMessage(0));
        db.inTransaction(em -> nl.subscriptions(em).confirm(token));
        long id = db.inTransaction(em -> new JpaSubscriberRepository(em).findByEmail("reader@example.org").orElseThrow().getId());
        String manage = nl.tokens().management(id);
        var v4 = db.inTransaction(em -> nl.subscriptions(em).changeLanguage(manage, "pt"));
        assertThat(v4).isTrue();
        var v5 = db.inTransaction(em -> nl.subscriptions(em).changeLanguage(manage, "klingon"));
        assertThat(v5).isFalse();
        var v6 = db.inTransaction(em -> nl.subscriptions(em).preferences(manage)).orElseThrow().language();
        assertThat(v6).isEqualTo("pt");
        var v7 = db.inTransaction(em -> nl.subscriptions(em).unsubscribe("m." + id + ".forged"));
        assertThat(v7).isEmpty();
        var v8 = db.inTransaction(em -> nl.subscriptions(em).unsubscribe(manage));
        assertThat(v8).hasValue("pt");
        var v9 = db.inTransaction(em -> nl.subscriptions(em).unsubscribe(manage));
        assertThat(v9).as("idempotent").hasValue("pt");
        assertThat(status("reader@example.org")).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
    }

    @Test
    void importWithOrWithoutConsentExportAndErasureKeepingOnlyAHash() throws Exception {
        ImportReport withConsent = db.inTransaction(em -> nl.admin(em).importCsv(new StringReader(
                "email,language\nuno@example.org,it\n\"due@example.org\",es\nnot-an-address\nuno@example.org,it\n"), true, "it", "chief"));
        assertThat(withConsent).isEqualTo(new ImportReport(2, 1, 0, 1));
        assertThat(status("uno@example.org")).isEqualTo(SubscriberStatus.CONFIRMED);
        assertThat(smtp.getReceivedMessages()).isEmpty();

        ImportReport optIn = db.inTransaction(em -> nl.admin(em).importCsv(new StringReader("tre@example.org,de\n"), false, "it", "chief"));
        assertThat(optIn.added()).isEqualTo(1);
        assertThat(status("tre@example.org")).isEqualTo(SubscriberStatus.PENDING);
        assertThat(smtp.getReceivedMessages()).singleElement().satisfies(m -> assertThat(m.getHeader("Content-Language")[0]).isEqualTo("de"));

        StringWriter csv = new StringWriter();
        db.run(em -> nl.admin(em).export(csv, "chief"));
        assertThat(csv.toString()).startsWith("email,language,status").contains("uno@example.org,it,CONFIRMED").contains("tre@example.org,de,PENDING");

        long id = db.inTransaction(em -> new JpaSubscriberRepository(em).findByEmail("uno@example.org").orElseThrow().getId());
        var v10 = db.inTransaction(em -> nl.admin(em).erase(id, "chief"));
        assertThat(v10).isTrue();
        var v11 = db.inTransaction(em -> new JpaSubscriberRepository(em).findByEmail("uno@example.org"));
        assertThat(v11).isEmpty();
        var v12 = db.inTransaction(em -> nl.admin(em).isSuppressed("UNO@example.org"));
        assertThat(v12).isTrue();
        ImportReport again = db.inTransaction(em -> nl.admin(em).importCsv(new StringReader("uno@example.org,it\n"), true, "it", "chief"));
        assertThat(again.suppressed()).isEqualTo(1);
        var v13 = db.inTransaction(em -> nl.admin(em).count(new SubscriberQuery(null, null, "uno")));
        assertThat(v13).isZero();
        assertThat(nl.audit().fired()).extracting(a -> a.action()).contains("newsletter.import", "newsletter.export", "newsletter.erase");
    }

    @Test
    void theGrowthChartCountsTheMembersOfEachLanguageAtTheEndOfEachWeek() {
        clock.set(Instant.parse("2026-11-10T09:00:00Z"));
        db.inTransaction(em -> nl.admin(em).importCsv(new StringReader("anna@example.org,it\nbernd@example.org,de\n"), true, "it", "chief"));
        clock.set(Instant.parse("2026-11-17T09:00:00Z"));
        db.inTransaction(em -> nl.admin(em).importCsv(new StringReader("carla@example.org,it\n"), true, "it", "chief"));
        db.inTransaction(em -> nl.admin(em).importCsv(new StringReader("dario@example.org,it\n"), false, "it", "chief"));
        clock.set(Instant.parse("2026-11-21T00:00:00Z"));
        db.inTransaction(em -> {
            new JpaSubscriberRepository(em).findByEmail("anna@example.org").orElseThrow().unsubscribe(clock.instant());
            return null;
        });
        clock.set(Instant.parse("2026-11-27T12:00:00Z"));

        GrowthSeries growth = db.inTransaction(em -> nl.admin(em).growth(3));

        assertThat(growth.weeks()).containsExactly(LocalDate.parse("2026-11-13"), LocalDate.parse("2026-11-20"),
                LocalDate.parse("2026-11-27"));
        assertThat(growth.counts().get("it")).as("anna left at the very end of the second week: still counted there; "
                + "dario never confirmed").containsExactly(1L, 2L, 1L);
        assertThat(growth.counts().get("de")).containsExactly(1L, 1L, 1L);
        assertThat(growth.counts().get("en")).containsExactly(0L, 0L, 0L);
        assertThat(growth.counts()).containsOnlyKeys("it", "es", "en", "fr", "de", "pt");
        assertThat(growth.max()).isEqualTo(2);
    }

    @Test
    void aLargeImportChecksDuplicatesSuppressionsAndKnownAddressesAcrossItsBatches() {
        db.inTransaction(em -> nl.admin(em).importCsv(new StringReader("known@example.org,fr\ngone@example.org,de\n"), true, "it", "chief"));
        long gone = db.inTransaction(em -> new JpaSubscriberRepository(em).findByEmail("gone@example.org").orElseThrow().getId());
        db.inTransaction(em -> nl.admin(em).erase(gone, "chief"));
        StringBuilder csv = new StringBuilder("email,language\n");
        for (int i = 0; i < 1200; i++) {
            csv.append("bulk").append(i).append("@example.org,").append(List.of("it", "es", "en").get(i % 3)).append('\n');
            if (i == 700) {
                csv.append("BULK10@example.org,it\n");
            }
            if (i == 900) {
                csv.append("Gone@Example.org,de\n");
            }
            if (i == 1100) {
                csv.append("known@example.org,it\nnot an address,it\n");
            }
        }
        ImportReport report = db.inTransaction(em -> nl.admin(em).importCsv(new StringReader(csv.toString()), true, "it", "chief"));
        assertThat(report).isEqualTo(new ImportReport(1200, 2, 1, 1));
        var total = db.inTransaction(em -> nl.admin(em).count(new SubscriberQuery(null, null, "bulk")));
        assertThat(total).isEqualTo(1200);
        var english = db.inTransaction(em -> nl.admin(em).count(new SubscriberQuery(SubscriberStatus.CONFIRMED, "en", "bulk")));
        assertThat(english).isEqualTo(400);
        var known = db.inTransaction(em -> new JpaSubscriberRepository(em).findByEmail("known@example.org").orElseThrow().getLanguage());
        assertThat(known).as("a known address is left alone").isEqualTo("fr");
        var consents = db.inTransaction(em -> new ConsentLog(new JpaConsentRecordRepository(em)).of("newsletter", "bulk1199@example.org"));
        assertThat(consents).hasSize(1);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    private MimeMessage smtpMessage(int i) {
        return smtp.getReceivedMessages()[i];
    }

    private SubscriberStatus status(String email) {
        return db.inTransaction(em -> new JpaSubscriberRepository(em).findByEmail(email).orElseThrow().getStatus());
    }

    /** Imports {@code perLanguage} confirmed subscribers in each language, loads the demo magazine, creates an edition. */
    private long editionFor(int perLanguage, List<String> languages) {
        db.run(em -> TestServices.demo(em, clock).loadIfEmpty());
        StringBuilder csv = new StringBuilder();
        for (String lang : languages) {
            for (int i = 0; i < perLanguage; i++) {
                csv.append("r").append(i).append('.').append(lang).append("@example.org,").append(lang).append('\n');
            }
        }
        db.run(em -> nl.admin(em).importCsv(new StringReader(csv.toString()), true, "it", "chief"));
        return db.inTransaction(em -> {
            var editions = nl.editions(em);
            List<Long> picked = editions.candidates().stream().limit(4).map(c -> c.articleId()).toList();
            return editions.create("November letter", false, picked, "chief");
        });
    }

    /** Sends due deliveries in chunks like the batch job (claimed per chunk), stopping after {@code budget} messages; returns how many it sent. */
    private int send(long editionId, int budget) {
        int sent = 0;
        long after = 0;
        while (sent < budget) {
            long from = after;
            int left = budget - sent;
            int[] chunk = db.inTransaction(em -> {
                EditionSending sending = nl.sending(em);
                var renderings = new EditionSending.Renderings(nl.editions(em).snapshot(editionId));
                List<Delivery> due = sending.due(editionId, from, Math.min(20, left));
                int n = sending.deliverAll(due, renderings, () -> { });
                long last = due.isEmpty() ? from : due.get(due.size() - 1).getId();
                return new int[] {n, due.size(), (int) last};
            });
            sent += chunk[0];
            after = chunk[2];
            if (chunk[1] == 0) {
                if (from == 0) {
                    db.inTransaction(em -> nl.sending(em).finishIfDone(editionId));
                    break;
                }
                after = 0;
            }
        }
        return sent;
    }

    @Test
    void anEditionReachesAThousandSubscribersEachInTheirLanguage() throws Exception {
        long edition = editionFor(334, List.of("it", "fr", "de"));
        String frPreview = db.inTransaction(em -> nl.editions(em).preview(edition, "fr",
                org.scriptorium.mail.domain.EmailAddress.of("chief@example.org")).text());
        assertThat(frPreview).contains("https://news.example.org/fr/");
        int recipients = db.inTransaction(em -> nl.editions(em).sendNow(edition, "chief"));
        assertThat(recipients).isEqualTo(1002);
        assertThat(send(edition, Integer.MAX_VALUE)).isEqualTo(1002);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1002);
        Map<String, Integer> perRecipient = new HashMap<>();
        for (MimeMessage m : received) {
            String to = m.getAllRecipients()[0].toString();
            perRecipient.merge(to, 1, Integer::sum);
            String lang = to.substring(to.indexOf('.') + 1, to.indexOf('@'));
            assertThat(m.getHeader("Content-Language")[0]).as(to).isEqualTo(lang);
            assertThat(m.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
            assertThat(m.getHeader("List-Unsubscribe")[0]).contains("https://news.example.org/newsletter/unsubscribe?token=").contains("mailto:");
            assertThat(text(m)).contains("https://news.example.org/" + lang + "/newsletter/preferences?token=");
        }
        assertThat(perRecipient).hasSize(1002).allSatisfy((to, n) -> assertThat(n).as(to).isEqualTo(1));
        assertThat(java.util.Arrays.stream(received).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().endsWith(".fr@example.org");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow().getSubject()).isEqualTo("La lettre : November letter");
        EditionProgress progress = db.inTransaction(em -> nl.editions(em).progress(edition));
        assertThat(progress).isEqualTo(new EditionProgress(1002, 1002, 0, 0));
        var v14 = db.inTransaction(em -> nl.editions(em).find(edition).orElseThrow().getStatus());
        assertThat(v14).isEqualTo(EditionStatus.SENT);
    }

    @Test
    void aSendInterruptedMidWayAndRestartedDeliversExactlyOneMessagePerRecipient() throws Exception {
        long edition = editionFor(100, List.of("it", "es", "pt"));
        db.inTransaction(em -> nl.editions(em).sendNow(edition, "chief"));
        assertThat(send(edition, 137)).isEqualTo(137);
        // The process dies after claiming a delivery and before the server got it: the claim is committed, nothing else.
        db.run(em -> {
            Delivery next = nl.sending(em).due(edition, 0, 1).get(0);
            assertThat(new org.scriptorium.newsletter.application.DeliveryLedger(new org.scriptorium.newsletter.infrastructure.JpaDeliveryRepository(em),
                    new JpaSubscriberRepository(em), new org.scriptorium.newsletter.infrastructure.JpaEditionRepository(em), clock).claim(next)).isTrue();
        });
        assertThat(smtp.getReceivedMessages()).hasSize(137);
        var v15 = db.inTransaction(em -> nl.editions(em).find(edition).orElseThrow().getStatus());
        assertThat(v15).isEqualTo(EditionStatus.SENDING);

        // "Restart": a new sender picks up from the delivery records alone.
        assertThat(send(edition, Integer.MAX_VALUE)).isEqualTo(300 - 137);
        Map<String, Integer> perRecipient = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            perRecipient.merge(m.getAllRecipients()[0].toString(), 1, Integer::sum);
        }
        assertThat(perRecipient).hasSize(300).allSatisfy((to, n) -> assertThat(n).as(to).isEqualTo(1));
        var v16 = db.inTransaction(em -> nl.editions(em).progress(edition));
        assertThat(v16).isEqualTo(new EditionProgress(300, 300, 0, 0));
    }

    @Test
    void aRecipientWhoLeftBeforeTheirTurnGetsNothingAndAnUnreachableServerDefersWithoutLosingAnyone() throws Exception {
        long edition = editionFor(5, List.of("en"));
        db.inTransaction(em -> nl.editions(em).sendNow(edition, "chief"));
        long id = db.inTransaction(em -> new JpaSubscriberRepository(em).findByEmail("r0.en@example.org").orElseThrow().getId());
        db.inTransaction(em -> nl.subscriptions(em).unsubscribe(nl.tokens().management(id)));
        smtp.stop();
        assertThat(send(edition, Integer.MAX_VALUE)).isZero();
        EditionProgress deferred = db.inTransaction(em -> nl.editions(em).progress(edition));
        assertThat(deferred).isEqualTo(new EditionProgress(5, 0, 1, 4));
        smtp = MailTesting.greenMail();
        nl = new NewsletterTesting(clock, smtp.getSmtp().getPort(), outbox);
        clock.set(clock.instant().plus(Duration.ofMinutes(2)));
        assertThat(send(edition, Integer.MAX_VALUE)).isEqualTo(4);
        assertThat(smtp.getReceivedMessages()).extracting(m -> m.getAllRecipients()[0].toString()).doesNotContain("r0.en@example.org");
    }
}
