package org.scriptorium.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.scriptorium.consent.application.ConsentLog;
import org.scriptorium.consent.infrastructure.JpaConsentRecordRepository;
import org.scriptorium.content.infrastructure.JpaArticleRepository;
import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.i18n.application.UiTexts;
import org.scriptorium.i18n.infrastructure.JpaSiteLanguageRepository;
import org.scriptorium.mail.application.MailConfiguration;
import org.scriptorium.mail.application.Mailer;
import org.scriptorium.newsletter.application.DeliveryLedger;
import org.scriptorium.newsletter.application.EditionComposer;
import org.scriptorium.newsletter.application.EditionSending;
import org.scriptorium.newsletter.application.EditionService;
import org.scriptorium.newsletter.application.MailUnsubscribes;
import org.scriptorium.newsletter.application.NewsletterLinks;
import org.scriptorium.newsletter.application.NewsletterSettings;
import org.scriptorium.newsletter.application.NewsletterTokens;
import org.scriptorium.newsletter.application.SubscriberAdmin;
import org.scriptorium.newsletter.application.SubscriptionService;
import org.scriptorium.newsletter.application.UnsubscribeMailboxSettings;
import org.scriptorium.newsletter.infrastructure.ImapUnsubscribeMailbox;
import org.scriptorium.newsletter.infrastructure.JpaDeliveryRepository;
import org.scriptorium.newsletter.infrastructure.JpaEditionRepository;
import org.scriptorium.newsletter.infrastructure.JpaRateCounterRepository;
import org.scriptorium.newsletter.infrastructure.JpaSubscriberRepository;
import org.scriptorium.newsletter.infrastructure.JpaSuppressionRepository;
import org.scriptorium.platform.audit.AuditEvent;
import org.scriptorium.platform.config.Settings;
import org.scriptorium.settings.application.SiteSettings;

/**
 * The newsletter's services wired by hand over one entity manager, sending through a real SMTP server
 * (GreenMail) or the outbox; the settings that outlive an entity manager (token secret, mail settings) are kept
 * by the instance.
 */
public final class NewsletterTesting {

    public static final String BASE_URL = "https://news.example.org";

    private final Clock clock;
    private final SiteSettings site;
    private final Settings settings;
    private final MailConfiguration mailConfiguration;
    private final Mailer mailer;
    private final DirectEvents<AuditEvent> audit = new DirectEvents<>();
    private UnsubscribeMailboxSettings mailbox = UnsubscribeMailboxSettings.off();

    public NewsletterTesting(Clock clock, int smtpPort, Path outbox) {
        this.clock = clock;
        this.site = MailTesting.siteSettings(clock);
        this.settings = MailTesting.settings(Map.of("scriptorium.base.url", BASE_URL,
                "scriptorium.smtp.host", smtpPort > 0 ? "127.0.0.1" : "",
                "scriptorium.smtp.port", String.valueOf(Math.max(smtpPort, 25)),
                "scriptorium.smtp.tls", "none", "scriptorium.mail.from", "letters@example.org"));
        this.mailConfiguration = new MailConfiguration(settings, site, clock);
        this.mailer = MailTesting.mailer(mailConfiguration, outbox);
    }

    /** Uses this unsubscribe mailbox (its address goes into the mailto of {@code List-Unsubscribe}). */
    public NewsletterTesting withMailbox(UnsubscribeMailboxSettings settings) {
        this.mailbox = settings;
        return this;
    }

    /** The mailto unsubscribe service reading the configured mailbox over IMAP. */
    public MailUnsubscribes mailUnsubscribes(EntityManager em) {
        return new MailUnsubscribes(new ImapUnsubscribeMailbox(mailbox), mailbox, subscriptions(em), tokens());
    }

    public DirectEvents<AuditEvent> audit() {
        return audit;
    }

    public NewsletterTokens tokens() {
        return new NewsletterTokens(site);
    }

    public NewsletterSettings newsletterSettings() {
        return new NewsletterSettings(site);
    }

    private NewsletterLinks links() {
        return new NewsletterLinks(settings, tokens(), mailConfiguration, mailbox);
    }

    public SubscriptionService subscriptions(EntityManager em) {
        ConsentLog log = new ConsentLog(new JpaConsentRecordRepository(em));
        return new SubscriptionService(new JpaSubscriberRepository(em), new JpaSuppressionRepository(em),
                new JpaRateCounterRepository(em), new LanguageService(new JpaSiteLanguageRepository(em)), tokens(), links(),
                mailer, new DirectEvents<>(log::record), clock);
    }

    public SubscriberAdmin admin(EntityManager em) {
        ConsentLog log = new ConsentLog(new JpaConsentRecordRepository(em));
        return new SubscriberAdmin(new JpaSubscriberRepository(em), new JpaSuppressionRepository(em),
                new JpaDeliveryRepository(em), subscriptions(em), new LanguageService(new JpaSiteLanguageRepository(em)),
                new DirectEvents<>(log::record), new DirectEvents<>(e -> log.erase(e.subject())), audit, clock);
    }

    public EditionComposer composer(EntityManager em) {
        return new EditionComposer(new JpaArticleRepository(em), new LanguageService(new JpaSiteLanguageRepository(em)),
                new UiTexts(), settings, clock);
    }

    public EditionService editions(EntityManager em) {
        return new EditionService(new JpaEditionRepository(em), new JpaDeliveryRepository(em), composer(em),
                newsletterSettings(), links(), mailer, new DirectEvents<>(), audit, clock);
    }

    public EditionSending sending(EntityManager em) {
        EditionSending s = new EditionSending(new DeliveryLedger(new JpaDeliveryRepository(em), new JpaSubscriberRepository(em),
                new JpaEditionRepository(em), clock), composer(em), links(), mailer, clock);
        s.pauseBetweenRetries(java.time.Duration.ofMillis(10));
        return s;
    }
}
