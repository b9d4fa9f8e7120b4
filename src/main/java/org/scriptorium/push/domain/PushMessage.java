package org.scriptorium.push.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One notification announced to the subscribers of one language: a newly published article translation
 * (at most one message per translation, which is how a later fix or a re-publication never notifies twice)
 * or a message an editor wrote by hand.
 *
 * <p>Lifecycle: created with its text when the translation is published or the editor sends it; then fanned
 * out in slices into {@link PushDelivery} rows for the subscribers of its language who had consented by then
 * ({@code fanOutCursor} remembers the last subscription reached, so a restart continues where it stopped);
 * each delivery, once done, counts as sent, failed (refused or retried too often) or removed (the push service
 * said the subscription is gone).
 */
@Entity
@Table(name = "push_message")
public class PushMessage {

    /** Why the message exists. */
    public enum Kind {
        /** A translation was published. */
        ARTICLE,
        /** An editor sent it from the back office. */
        MANUAL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind kind;

    @Column(nullable = false, length = 10)
    private String language;

    @Column(name = "translation_id")
    private Long translationId;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 500)
    private String body;

    @Column(nullable = false, length = 1000)
    private String url;

    @Column(length = 1000)
    private String icon;

    @Column(name = "created_by", nullable = false, length = 320)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "fan_out_cursor", nullable = false)
    private long fanOutCursor;

    @Column(name = "fanned_out", nullable = false)
    private boolean fannedOut;

    @Column(nullable = false)
    private int recipients;

    @Column(nullable = false)
    private int sent;

    @Column(nullable = false)
    private int failed;

    @Column(nullable = false)
    private int removed;

    protected PushMessage() {
    }

    private PushMessage(Kind kind, String language, Long translationId, NotificationPayload payload, String createdBy,
                        Instant createdAt) {
        this.kind = kind;
        this.language = language;
        this.translationId = translationId;
        this.title = payload.title();
        this.body = payload.body();
        this.url = payload.url();
        this.icon = payload.icon();
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** The announcement of a published translation. */
    public static PushMessage forArticle(long translationId, NotificationPayload payload, Instant at) {
        return new PushMessage(Kind.ARTICLE, payload.lang(), translationId, payload, "system", at);
    }

    /** A message written by an editor. */
    public static PushMessage manual(NotificationPayload payload, String editor, Instant at) {
        return new PushMessage(Kind.MANUAL, payload.lang(), null, payload, editor, at);
    }

    /** Records that the audience up to subscription {@code lastId} has its deliveries; {@code done} when no more. */
    public void fannedOutTo(long lastId, int added, boolean done) {
        this.fanOutCursor = Math.max(fanOutCursor, lastId);
        this.recipients += added;
        this.fannedOut = done;
    }

    /** What the browser shows; the tag keeps two notifications for the same thing from piling up. */
    public NotificationPayload payload() {
        return new NotificationPayload(title, body, icon, url, language, "scriptorium-" + id);
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public String getLanguage() {
        return language;
    }

    public Long getTranslationId() {
        return translationId;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public String getUrl() {
        return url;
    }

    public String getIcon() {
        return icon;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getFanOutCursor() {
        return fanOutCursor;
    }

    public boolean isFannedOut() {
        return fannedOut;
    }

    public int getRecipients() {
        return recipients;
    }

    public int getSent() {
        return sent;
    }

    public int getFailed() {
        return failed;
    }

    public int getRemoved() {
        return removed;
    }
}
