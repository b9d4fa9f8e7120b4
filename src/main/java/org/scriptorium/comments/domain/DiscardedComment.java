package org.scriptorium.comments.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A comment dropped without review (Akismet's "discard" pro-tip, a filled honeypot), kept for a while with
 * the reason so that an operator can see what was dropped. Lifecycle: written once, purged after the
 * configured age (15 days by default); never shown to readers and never in the moderation queue.
 */
@Entity
@Table(name = "comment_discard")
public class DiscardedComment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "discarded_at", nullable = false)
    private Instant discardedAt;

    @Column(name = "translation_id")
    private Long translationId;

    @Column(name = "language", length = 10)
    private String language;

    @Column(name = "author_name", length = 100)
    private String authorName;

    @Column(name = "author_email", length = 254)
    private String authorEmail;

    @Column(name = "user_ip", length = 64)
    private String userIp;

    @Column(name = "body", length = 10000)
    private String body;

    @Column(name = "reason", nullable = false, length = 1000)
    private String reason;

    protected DiscardedComment() {
    }

    /** The log entry for a comment about to be dropped. */
    public DiscardedComment(Comment c, String reason, Instant at) {
        this.discardedAt = at;
        this.translationId = c.getTranslationId();
        this.language = c.getLanguage();
        this.authorName = c.getSubmittedName();
        this.authorEmail = c.getSubmittedEmail();
        this.userIp = c.getUserIp().orElse(null);
        this.body = c.getSubmittedBody();
        this.reason = Comment.clip(reason, 1000);
    }

    public Long getId() {
        return id;
    }

    public Instant getDiscardedAt() {
        return discardedAt;
    }

    public Long getTranslationId() {
        return translationId;
    }

    public String getLanguage() {
        return language;
    }

    public String getAuthorName() {
        return authorName;
    }

    public String getAuthorEmail() {
        return authorEmail;
    }

    public String getUserIp() {
        return userIp;
    }

    public String getBody() {
        return body;
    }

    public String getReason() {
        return reason;
    }
}
