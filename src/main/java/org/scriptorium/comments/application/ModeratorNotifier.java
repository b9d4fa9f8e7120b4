package org.scriptorium.comments.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.mail.application.MailTemplates;
import org.scriptorium.mail.application.Mailer;
import org.scriptorium.mail.domain.EmailAddress;
import org.scriptorium.mail.domain.MailDeliveryException;
import org.scriptorium.platform.config.Settings;

/**
 * Tells the moderators about comments that wait for them, as the settings say: one e-mail per comment
 * (sent within one timer tick, 30 seconds), or one digest a day listing them all, or nothing. Called by the
 * timer, never on a reader's request. A comment counts as told only after the e-mail went out (or into the
 * outbox), so a mail server that is down delays the message but loses none. Everything a reader typed is
 * escaped in the HTML part by the mail templates.
 */
@ApplicationScoped
public class ModeratorNotifier {

    private static final Logger LOG = Logger.getLogger(ModeratorNotifier.class.getName());
    static final Duration DIGEST_EVERY = Duration.ofHours(24);
    private static final String DIGEST_LAST = "digest.last";
    private static final int BATCH = 50;

    private CommentService comments;
    private CommentSettingsStore store;
    private Mailer mailer;
    private LanguageService languages;
    private Settings settings;
    private Clock clock;

    protected ModeratorNotifier() {
    }

    @Inject
    public ModeratorNotifier(CommentService comments, CommentSettingsStore store, Mailer mailer, LanguageService languages,
                             Settings settings, Clock clock) {
        this.comments = comments;
        this.store = store;
        this.mailer = mailer;
        this.languages = languages;
        this.settings = settings;
        this.clock = clock;
    }

    /** Sends what is due now; returns how many comments moderators were told about. */
    public int sendDue() {
        CommentSettings.Notification mode = store.current().notification();
        if (mode == CommentSettings.Notification.OFF) {
            return 0;
        }
        List<QueueRow> waiting = comments.unnotified(BATCH);
        if (waiting.isEmpty()) {
            return 0;
        }
        List<String> moderators = comments.moderatorEmails();
        String lang = languages.defaultCode();
        if (mode == CommentSettings.Notification.DIGEST) {
            Instant last = store.internal(DIGEST_LAST).flatMap(ModeratorNotifier::instant).orElse(Instant.EPOCH);
            if (Duration.between(last, clock.instant()).compareTo(DIGEST_EVERY) < 0) {
                return 0;
            }
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder("<ul>");
            for (QueueRow r : waiting) {
                text.append("- ").append(r.authorName()).append(" (").append(r.articleTitle()).append("): ")
                        .append(excerpt(r)).append('\n').append("  ").append(link(r)).append('\n');
                html.append("<li><strong>").append(MailTemplates.escape(r.authorName())).append("</strong> · ")
                        .append(MailTemplates.escape(r.articleTitle())).append("<br/>")
                        .append(MailTemplates.escape(excerpt(r))).append("<br/><a href=\"")
                        .append(MailTemplates.escape(link(r))).append("\">").append(MailTemplates.escape(link(r)))
                        .append("</a></li>");
            }
            html.append("</ul>");
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("count", waiting.size());
            model.put("items", text.toString());
            model.put("itemsHtml", html.toString());
            model.put("queue", settings.baseUrl() + "/backoffice/comments");
            if (sendToAll(moderators, "comment-digest", lang, model)) {
                comments.markNotified(waiting.stream().map(QueueRow::id).toList());
                store.putInternal(DIGEST_LAST, clock.instant().toString());
                return waiting.size();
            }
            return 0;
        }
        int told = 0;
        for (QueueRow r : waiting) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("author", r.authorName());
            model.put("email", r.authorEmail());
            model.put("article", r.articleTitle());
            model.put("language", r.language());
            model.put("excerpt", excerpt(r));
            model.put("link", link(r));
            if (!sendToAll(moderators, "comment-pending", lang, model)) {
                break;
            }
            comments.markNotified(List.of(r.id()));
            told++;
        }
        return told;
    }

    private boolean sendToAll(List<String> moderators, String template, String lang, Map<String, Object> model) {
        for (String to : moderators) {
            Optional<EmailAddress> address = EmailAddress.parse(to);
            if (address.isEmpty()) {
                continue;
            }
            try {
                mailer.send(template, lang, address.get(), model, Map.of());
            } catch (MailDeliveryException e) {
                LOG.log(Level.WARNING, "Moderator e-mail not sent (" + e.getMessage() + "); the next tick tries again");
                return false;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Moderator e-mail could not be built; skipping " + to, e);
            }
        }
        return true;
    }

    private String link(QueueRow r) {
        return settings.baseUrl() + "/backoffice/comment?id=" + r.id();
    }

    /** The comment's text, plain, shortened to 300 characters. */
    private static String excerpt(QueueRow r) {
        String plain = r.bodyHtml().replace("<br/>", " ").replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&#96;", "`").replace("&amp;", "&");
        return plain.length() > 300 ? plain.substring(0, 300) + "…" : plain;
    }

    private static Optional<Instant> instant(String s) {
        try {
            return Optional.of(Instant.parse(s));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
