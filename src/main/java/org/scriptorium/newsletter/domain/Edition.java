package org.scriptorium.newsletter.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One newsletter edition: a title and the articles it presents, rendered for each subscriber in their language.
 * The articles are either picked by an editor or "everything published since the previous edition".
 *
 * <p>Lifecycle: {@link EditionStatus#DRAFT} while composed; {@link EditionStatus#SCHEDULED} with a time, or
 * sent now; {@link EditionStatus#SENDING} from the moment its {@link Delivery} records exist (one per
 * confirmed subscriber, created in one statement), and {@link EditionStatus#SENT} when none is left to do.
 * The article list and the missing-language policy are frozen when sending starts.
 */
@Entity
@Table(name = "newsletter_edition")
public class Edition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "since_last", nullable = false)
    private boolean sinceLast;

    @Column(name = "article_ids", nullable = false, length = 2000)
    private String articleIds;

    @Enumerated(EnumType.STRING)
    @Column(name = "missing_policy", nullable = false, length = 20)
    private MissingLanguagePolicy missingPolicy;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private EditionStatus status;

    @Column(name = "scheduled_at")
    private Instant scheduledAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 254)
    private String createdBy;

    @Column(name = "recipients", nullable = false)
    private long recipients;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Edition() {
    }

    public Edition(String title, boolean sinceLast, List<Long> articleIds, MissingLanguagePolicy policy, String createdBy,
                   Instant now) {
        this.status = EditionStatus.DRAFT;
        this.createdAt = now;
        this.createdBy = createdBy;
        compose(title, sinceLast, articleIds, policy);
    }

    /** Changes the content of a draft. */
    public void compose(String newTitle, boolean newSinceLast, List<Long> ids, MissingLanguagePolicy policy) {
        requireEditable();
        this.title = newTitle;
        this.sinceLast = newSinceLast;
        this.articleIds = ids.stream().distinct().map(String::valueOf).collect(Collectors.joining(","));
        this.missingPolicy = policy;
    }

    public void schedule(Instant when) {
        requireEditable();
        this.status = EditionStatus.SCHEDULED;
        this.scheduledAt = when;
    }

    /** Back to a draft (a scheduled edition that has not started). */
    public void unschedule() {
        requireEditable();
        this.status = EditionStatus.DRAFT;
        this.scheduledAt = null;
    }

    /** Freezes the articles and marks the edition as sending; its deliveries are created in the same transaction. */
    public void startSending(List<Long> frozenArticles, Instant now) {
        requireEditable();
        this.articleIds = frozenArticles.stream().distinct().map(String::valueOf).collect(Collectors.joining(","));
        this.status = EditionStatus.SENDING;
        this.startedAt = now;
    }

    /** How many deliveries were created when sending started. */
    public void recipientsCounted(long count) {
        this.recipients = count;
    }

    public void finished(Instant now) {
        this.status = EditionStatus.SENT;
        this.finishedAt = now;
    }

    private void requireEditable() {
        if (status == EditionStatus.SENDING || status == EditionStatus.SENT) {
            throw new IllegalStateException("Edition " + id + " is already " + status);
        }
    }

    public boolean isEditable() {
        return status == EditionStatus.DRAFT || status == EditionStatus.SCHEDULED;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public boolean isSinceLast() {
        return sinceLast;
    }

    public List<Long> getArticleIds() {
        return articleIds.isBlank() ? List.of() : Arrays.stream(articleIds.split(",")).map(Long::valueOf).toList();
    }

    public MissingLanguagePolicy getMissingPolicy() {
        return missingPolicy;
    }

    public EditionStatus getStatus() {
        return status;
    }

    public Optional<Instant> getScheduledAt() {
        return Optional.ofNullable(scheduledAt);
    }

    public Optional<Instant> getStartedAt() {
        return Optional.ofNullable(startedAt);
    }

    public Optional<Instant> getFinishedAt() {
        return Optional.ofNullable(finishedAt);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public long getRecipients() {
        return recipients;
    }
}
