package org.scriptorium.newsletter.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.mail.application.Mailer;
import org.scriptorium.mail.domain.EmailAddress;
import org.scriptorium.mail.domain.MailDeliveryException;
import org.scriptorium.mail.domain.MailMessage;
import org.scriptorium.newsletter.domain.DeliveryRepository;
import org.scriptorium.newsletter.domain.DeliveryStatus;
import org.scriptorium.newsletter.domain.Edition;
import org.scriptorium.newsletter.domain.EditionRepository;
import org.scriptorium.newsletter.domain.EditionStarted;
import org.scriptorium.newsletter.domain.EditionStatus;
import org.scriptorium.platform.audit.AuditEvent;

/**
 * Editions for the back office: compose (picked articles or everything since the last edition), preview in
 * any language, send a test copy, schedule or send now. Starting an edition freezes its article list and
 * creates one delivery per confirmed subscriber in the same transaction, then announces
 * {@link EditionStarted}; the batch job that sends starts once that transaction has committed.
 */
@ApplicationScoped
@Transactional
public class EditionService {

    private EditionRepository editions;
    private DeliveryRepository deliveries;
    private EditionComposer composer;
    private NewsletterSettings settings;
    private NewsletterLinks links;
    private Mailer mailer;
    private Event<EditionStarted> started;
    private Event<AuditEvent> audit;
    private Clock clock;

    protected EditionService() {
    }

    @Inject
    public EditionService(EditionRepository editions, DeliveryRepository deliveries, EditionComposer composer,
                          NewsletterSettings settings, NewsletterLinks links, Mailer mailer, Event<EditionStarted> started,
                          Event<AuditEvent> audit, Clock clock) {
        this.editions = editions;
        this.deliveries = deliveries;
        this.composer = composer;
        this.settings = settings;
        this.links = links;
        this.mailer = mailer;
        this.started = started;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Edition> all() {
        return editions.all();
    }

    public Optional<Edition> find(long id) {
        return editions.findById(id);
    }

    public List<ArticleChoice> candidates() {
        return composer.candidates();
    }

    /** Creates a draft; returns its id. */
    public long create(String title, boolean sinceLast, List<Long> articleIds, String actor) {
        Edition e = editions.save(new Edition(requireTitle(title), sinceLast, articleIds, settings.missingPolicy(), actor, clock.instant()));
        audit.fire(new AuditEvent(actor, "newsletter.edition.create", "edition:" + e.getId(), e.getTitle()));
        return e.getId();
    }

    /** Changes a draft or scheduled edition. */
    public void update(long id, String title, boolean sinceLast, List<Long> articleIds, String actor) {
        Edition e = editable(id);
        e.compose(requireTitle(title), sinceLast, articleIds, e.getMissingPolicy());
        audit.fire(new AuditEvent(actor, "newsletter.edition.update", "edition:" + id, e.getTitle()));
    }

    /** The articles an edition would contain if it were sent now. */
    public List<Long> articlesOf(Edition e) {
        if (e.getStatus() == EditionStatus.SENDING || e.getStatus() == EditionStatus.SENT || !e.isSinceLast()) {
            return e.getArticleIds();
        }
        return composer.publishedSince(editions.lastStarted().flatMap(Edition::getStartedAt));
    }

    /** The message a subscriber of a language would receive (with placeholder links). */
    public MailMessage preview(long id, String language, EmailAddress to) {
        Edition e = editions.findById(id).orElseThrow(() -> new IllegalArgumentException("No edition " + id));
        EditionContent content = composer.render(articlesOf(e), language, e.getMissingPolicy());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", e.getTitle());
        model.put("articlesHtml", content.html());
        model.put("articlesText", content.text());
        model.put("preferences", links.baseUrl() + "/" + language + "/newsletter");
        model.put("count", content.articles());
        return mailer.compose("edition", language, to, model, Map.of());
    }

    /** Sends the preview of a language to one address (the editor's own). */
    public void sendTest(long id, String language, EmailAddress to, String actor) throws MailDeliveryException {
        mailer.send(preview(id, language, to));
        audit.fire(new AuditEvent(actor, "newsletter.edition.test", "edition:" + id, language + " " + to.value()));
    }

    public void schedule(long id, Instant when, String actor) {
        if (!when.isAfter(clock.instant())) {
            throw new IllegalArgumentException("The time must be in the future");
        }
        editable(id).schedule(when);
        audit.fire(new AuditEvent(actor, "newsletter.edition.schedule", "edition:" + id, when.toString()));
    }

    public void unschedule(long id, String actor) {
        editable(id).unschedule();
        audit.fire(new AuditEvent(actor, "newsletter.edition.unschedule", "edition:" + id, ""));
    }

    /** Starts sending now: freezes the articles, creates the deliveries; the job starts after commit. */
    public int sendNow(long id, String actor) {
        Edition e = editable(id);
        List<Long> frozen = articlesOf(e);
        e.startSending(frozen, clock.instant());
        editions.save(e);
        int created = deliveries.createForConfirmed(id);
        e.recipientsCounted(created);
        started.fire(new EditionStarted(id));
        audit.fire(new AuditEvent(actor, "newsletter.edition.send", "edition:" + id, created + " recipients"));
        return created;
    }

    /** Starts every scheduled edition whose time has come; returns how many. */
    public int startDue() {
        List<Edition> due = editions.due(clock.instant());
        for (Edition e : due) {
            sendNow(e.getId(), "system");
        }
        return due.size();
    }

    /** Editions left SENDING (after a crash): their jobs must run again. */
    public List<Long> unfinished() {
        return editions.sending().stream().map(Edition::getId).toList();
    }

    /** The snapshot a sending job works from. */
    public EditionSnapshot snapshot(long id) {
        Edition e = editions.findById(id).orElseThrow(() -> new IllegalArgumentException("No edition " + id));
        return new EditionSnapshot(id, e.getTitle(), e.getArticleIds(), e.getMissingPolicy());
    }

    public EditionProgress progress(long id) {
        Map<DeliveryStatus, Long> c = deliveries.counts(id);
        long total = c.values().stream().mapToLong(Long::longValue).sum();
        return new EditionProgress(total, c.get(DeliveryStatus.SENT), c.get(DeliveryStatus.FAILED),
                c.get(DeliveryStatus.PENDING) + c.get(DeliveryStatus.SENDING));
    }

    private Edition editable(long id) {
        Edition e = editions.findById(id).orElseThrow(() -> new IllegalArgumentException("No edition " + id));
        if (!e.isEditable()) {
            throw new IllegalStateException("Edition " + id + " is already " + e.getStatus());
        }
        return e;
    }

    private static String requireTitle(String title) {
        if (title == null || title.isBlank() || title.length() > 200 || title.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException("A title of 1 to 200 characters is required");
        }
        return title.strip();
    }
}
