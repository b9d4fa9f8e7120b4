package org.scriptorium.push.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.identity.domain.User;
import org.scriptorium.identity.domain.UserRepository;
import org.scriptorium.platform.audit.AuditEvent;
import org.scriptorium.platform.config.Settings;
import org.scriptorium.push.application.PushException.Reason;
import org.scriptorium.push.domain.NotificationPayload;
import org.scriptorium.push.domain.PushDeliveryRepository;
import org.scriptorium.push.domain.PushMessage;
import org.scriptorium.push.domain.PushMessageRepository;
import org.scriptorium.push.domain.PushSubscriptionRepository;

/**
 * Notifications editors write by hand in the back office, for the subscribers of one language: first a
 * preview (what the browser will show and how many subscribers it will reach), then the send, which only
 * stores the message; the dispatcher delivers it. Only EDITORs and ADMINs may send; every send is announced
 * as an {@link AuditEvent}. Also the list of recent messages with their counts of sent, failed, removed and
 * pending deliveries.
 */
@ApplicationScoped
@Transactional
public class ManualPush {

    static final int TITLE_MAX = NotificationPayload.TITLE_MAX;
    static final int BODY_MAX = NotificationPayload.BODY_MAX;
    static final int URL_MAX = 1000;

    private PushMessageRepository messages;
    private PushDeliveryRepository deliveries;
    private PushSubscriptionRepository subscriptions;
    private UserRepository users;
    private Predicate<String> languageEnabled;
    private String baseUrl;
    private Consumer<AuditEvent> audit;
    private Clock clock;

    protected ManualPush() {
    }

    @Inject
    public ManualPush(PushMessageRepository messages, PushDeliveryRepository deliveries,
                      PushSubscriptionRepository subscriptions, UserRepository users, LanguageService languages,
                      Settings settings, Event<AuditEvent> audit, Clock clock) {
        this(messages, deliveries, subscriptions, users, languages::isEnabled, settings.baseUrl(), audit::fire, clock);
    }

    public ManualPush(PushMessageRepository messages, PushDeliveryRepository deliveries,
                      PushSubscriptionRepository subscriptions, UserRepository users, Predicate<String> languageEnabled,
                      String baseUrl, Consumer<AuditEvent> audit, Clock clock) {
        this.messages = messages;
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.users = users;
        this.languageEnabled = languageEnabled;
        this.baseUrl = baseUrl;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the editor typed; the link may be empty (the language's home), a site path or a full site URL. */
    public record Draft(String language, String title, String body, String url) {
    }

    /** What the subscribers will see, and how many of them there are now. */
    public record Preview(NotificationPayload payload, long recipients) {
    }

    /** A sent message with its counts, for the back office. */
    public record MessageRow(long id, PushMessage.Kind kind, String language, String title, String url, String createdBy,
                             Instant createdAt, int recipients, int sent, int failed, int removed, long pending) {
    }

    /** Checks the draft and shows what would be sent; stores nothing. */
    public Preview preview(String editorEmail, Draft draft) {
        requireEditor(editorEmail);
        NotificationPayload payload = payload(draft);
        return new Preview(payload, subscriptions.countByLanguage(payload.lang()));
    }

    /**
     * Stores the message for delivery to the language's subscribers.
     *
     * @return the message id
     * @throws PushException when the user may not send or the draft is not valid; nothing is stored then
     */
    public long send(String editorEmail, Draft draft) {
        User editor = requireEditor(editorEmail);
        NotificationPayload payload = payload(draft);
        PushMessage message = messages.save(PushMessage.manual(payload, editor.getEmail(), clock.instant()));
        audit.accept(new AuditEvent(editor.getEmail(), "push.send", "push:" + message.getId() + "/" + payload.lang(),
                payload.title()));
        return message.getId();
    }

    public List<MessageRow> latest(int limit) {
        return messages.findLatest(limit).stream().map(m -> new MessageRow(m.getId(), m.getKind(), m.getLanguage(),
                m.getTitle(), m.getUrl(), m.getCreatedBy(), m.getCreatedAt(), m.getRecipients(), m.getSent(),
                m.getFailed(), m.getRemoved(), deliveries.countPending(m.getId()))).toList();
    }

    private User requireEditor(String email) {
        User user = users.findByEmail(email == null ? "" : email).filter(User::isActive)
                .orElseThrow(() -> new PushException(Reason.FORBIDDEN, ""));
        if (!user.hasRole(Role.ADMIN) && !user.hasRole(Role.EDITOR)) {
            throw new PushException(Reason.FORBIDDEN, "");
        }
        return user;
    }

    private NotificationPayload payload(Draft draft) {
        if (!languageEnabled.test(draft.language())) {
            throw new PushException(Reason.LANGUAGE, "language");
        }
        String title = strip(draft.title());
        String body = strip(draft.body());
        String url = strip(draft.url());
        if (title.isEmpty()) {
            throw new PushException(Reason.REQUIRED, "title");
        }
        if (title.length() > TITLE_MAX) {
            throw new PushException(Reason.TOO_LONG, "title");
        }
        if (body.length() > BODY_MAX) {
            throw new PushException(Reason.TOO_LONG, "body");
        }
        if (url.length() > URL_MAX) {
            throw new PushException(Reason.TOO_LONG, "url");
        }
        String target;
        if (url.isEmpty()) {
            target = baseUrl + "/" + draft.language() + "/";
        } else if (url.startsWith("/") && !url.startsWith("//") && !url.contains("\\")) {
            target = baseUrl + url;
        } else if (url.startsWith(baseUrl + "/")) {
            target = url;
        } else {
            throw new PushException(Reason.URL, "url");
        }
        if (target.chars().anyMatch(c -> c <= ' ')) {
            throw new PushException(Reason.URL, "url");
        }
        return new NotificationPayload(title, body, baseUrl + PushAnnouncer.DEFAULT_ICON, target, draft.language(), null);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
