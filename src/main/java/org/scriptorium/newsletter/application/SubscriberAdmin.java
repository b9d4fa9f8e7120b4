package org.scriptorium.newsletter.application;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.mail.domain.EmailAddress;
import org.scriptorium.newsletter.domain.DeliveryRepository;
import org.scriptorium.newsletter.domain.Subscriber;
import org.scriptorium.newsletter.domain.SubscriberQuery;
import org.scriptorium.newsletter.domain.SubscriberRepository;
import org.scriptorium.newsletter.domain.SubscriberStatus;
import org.scriptorium.newsletter.domain.Suppression;
import org.scriptorium.newsletter.domain.SuppressionRepository;
import org.scriptorium.platform.audit.AuditEvent;
import org.scriptorium.platform.consent.ConsentErased;
import org.scriptorium.platform.consent.ConsentGiven;

/**
 * Subscribers for the back office: filter and search, CSV export and import, erasure and the growth chart.
 * An import either states that consent was obtained elsewhere (the subscribers are confirmed and the
 * consent is logged as given through the import) or sends each new address the opt-in message. Erasure deletes
 * the subscriber, their deliveries and consent records, and keeps only the address's hash as a suppression,
 * which stops later imports from bringing it back.
 */
@ApplicationScoped
@Transactional
public class SubscriberAdmin {

    static final String CSV_HEADER = "email,language,status,created_at,confirmed_at,consent_at,consent_ip,consent_text_version,consent_page";
    private static final int PAGE = 1000;
    static final int IMPORT_BATCH = 500;

    private SubscriberRepository subscribers;
    private SuppressionRepository suppressions;
    private DeliveryRepository deliveries;
    private SubscriptionService subscriptions;
    private LanguageService languages;
    private Event<ConsentGiven> consents;
    private Event<ConsentErased> erasures;
    private Event<AuditEvent> audit;
    private Clock clock;

    protected SubscriberAdmin() {
    }

    @Inject
    public SubscriberAdmin(SubscriberRepository subscribers, SuppressionRepository suppressions, DeliveryRepository deliveries,
                           SubscriptionService subscriptions, LanguageService languages, Event<ConsentGiven> consents,
                           Event<ConsentErased> erasures, Event<AuditEvent> audit, Clock clock) {
        this.subscribers = subscribers;
        this.suppressions = suppressions;
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.languages = languages;
        this.consents = consents;
        this.erasures = erasures;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Subscriber> search(SubscriberQuery query, int offset, int limit) {
        return subscribers.search(query, offset, limit);
    }

    public long count(SubscriberQuery query) {
        return subscribers.count(query);
    }

    public Map<SubscriberStatus, Long> countByStatus() {
        return subscribers.countByStatus();
    }

    /** Writes every subscriber as CSV (RFC 4180), in id order. */
    public void export(Writer out, String actor) {
        try {
            out.write(CSV_HEADER + "\r\n");
            long after = 0;
            int rows = 0;
            while (true) {
                List<Subscriber> page = subscribers.after(after, PAGE);
                for (Subscriber s : page) {
                    out.write(String.join(",", csv(s.getEmail()), csv(s.getLanguage()), csv(s.getStatus().name()),
                            csv(s.getCreatedAt().toString()), csv(s.getConfirmedAt().map(Instant::toString).orElse("")),
                            csv(s.getConsentAt().map(Instant::toString).orElse("")), csv(s.getConsentIp()),
                            csv(s.getConsentTextVersion()), csv(s.getConsentPage())) + "\r\n");
                    after = s.getId();
                    rows++;
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
            out.flush();
            audit.fire(new AuditEvent(actor, "newsletter.export", "newsletter:subscribers", rows + " rows"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Imports {@code email[,language]} lines (a header line starting with "email" is skipped). Known addresses
     * are left alone (so is a repeated line of the file); erased ones stay out. Rows are checked against the
     * subscribers and the suppressions a batch at a time ({@value #IMPORT_BATCH} rows, two queries), not one
     * row at a time: a 100,000-line file would otherwise cost 200,000 queries, each flushing everything imported
     * so far.
     *
     * @param consentObtained whether consent was obtained elsewhere; otherwise each new address gets the opt-in
     */
    public ImportReport importCsv(Reader in, boolean consentObtained, String defaultLanguage, String actor) {
        ImportTally tally = new ImportTally(consentObtained, actor, clock.instant());
        try (BufferedReader lines = new BufferedReader(in)) {
            String line;
            boolean first = true;
            Map<String, String> batch = new LinkedHashMap<>();
            while ((line = lines.readLine()) != null) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || first && trimmed.toLowerCase().startsWith("email")) {
                    first = false;
                    continue;
                }
                first = false;
                String[] cells = trimmed.split("[,;]");
                Optional<EmailAddress> email = EmailAddress.parse(unquote(cells[0]));
                if (email.isEmpty()) {
                    tally.invalid++;
                    continue;
                }
                String lang = cells.length > 1 && languages.isEnabled(unquote(cells[1])) ? unquote(cells[1]) : defaultLanguage;
                if (!tally.seen.add(email.get().value())) {
                    tally.existing++;
                    continue;
                }
                batch.put(email.get().value(), lang);
                if (batch.size() == IMPORT_BATCH) {
                    importBatch(batch, tally);
                    batch.clear();
                }
            }
            importBatch(batch, tally);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportReport report = new ImportReport(tally.added, tally.existing, tally.suppressed, tally.invalid);
        audit.fire(new AuditEvent(actor, "newsletter.import", "newsletter:subscribers",
                report + (consentObtained ? " consent obtained" : " opt-in sent")));
        return report;
    }

    private void importBatch(Map<String, String> batch, ImportTally tally) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, String> hashes = new HashMap<>();
        batch.keySet().forEach(e -> hashes.put(NewsletterTokens.hash(e), e));
        Set<String> suppressed = suppressions.containedAmong(hashes.keySet());
        Set<String> erased = new HashSet<>();
        suppressed.forEach(h -> erased.add(hashes.get(h)));
        Set<String> known = subscribers.existingEmails(batch.keySet());
        for (Map.Entry<String, String> row : batch.entrySet()) {
            String email = row.getKey();
            String lang = row.getValue();
            if (erased.contains(email)) {
                tally.suppressed++;
                continue;
            }
            if (known.contains(email)) {
                tally.existing++;
                continue;
            }
            Subscriber s = subscribers.save(new Subscriber(email, lang, "IMPORT", tally.now));
            if (tally.consentObtained) {
                s.importedWithConsent("import", tally.now, tally.now);
                consents.fire(new ConsentGiven("newsletter", s.getEmail(), lang, "import", "import by " + tally.actor, "import", tally.now));
            } else {
                String nonce = NewsletterTokens.nonce();
                s.awaitConfirmation(nonce);
                subscriptions.sendConfirmation(s, nonce, tally.now);
            }
            tally.added++;
        }
    }

    /** The running counts of one import and the addresses it has met. */
    private static final class ImportTally {
        final boolean consentObtained;
        final String actor;
        final Instant now;
        final Set<String> seen = new HashSet<>();
        int added;
        int existing;
        int suppressed;
        int invalid;

        ImportTally(boolean consentObtained, String actor, Instant now) {
            this.consentObtained = consentObtained;
            this.actor = actor;
            this.now = now;
        }
    }

    /** Erases a subscriber on request; returns whether they existed. */
    public boolean erase(long id, String actor) {
        Optional<Subscriber> s = subscribers.findById(id);
        s.ifPresent(sub -> {
            deliveries.deleteForSubscriber(sub.getId());
            suppressions.add(new Suppression(NewsletterTokens.hash(sub.getEmail()), clock.instant()));
            erasures.fire(new ConsentErased(sub.getEmail()));
            subscribers.delete(sub);
            audit.fire(new AuditEvent(actor, "newsletter.erase", "subscriber:" + id, ""));
        });
        return s.isPresent();
    }

    /** Whether an address was erased (its hash is suppressed). */
    public boolean isSuppressed(String email) {
        return EmailAddress.parse(email).map(e -> suppressions.contains(NewsletterTokens.hash(e.value()))).orElse(false);
    }

    /** Active subscribers per language at the end of each of the last {@code weeks} weeks. */
    public GrowthSeries growth(int weeks) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<LocalDate> ends = new ArrayList<>();
        for (int i = weeks - 1; i >= 0; i--) {
            ends.add(today.minus(i, ChronoUnit.WEEKS));
        }
        List<Instant> moments = ends.stream().map(end -> end.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)).toList();
        Map<String, List<Long>> members = subscribers.membersAt(moments);
        Map<String, List<Long>> counts = new TreeMap<>();
        for (String lang : languages.enabledCodes()) {
            counts.put(lang, members.getOrDefault(lang, java.util.Collections.nCopies(weeks, 0L)));
        }
        return new GrowthSeries(ends, counts);
    }

    private static String csv(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static String unquote(String cell) {
        String c = cell.strip();
        return c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"") ? c.substring(1, c.length() - 1).replace("\"\"", "\"") : c;
    }
}
