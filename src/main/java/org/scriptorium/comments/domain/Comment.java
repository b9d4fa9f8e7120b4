package org.scriptorium.comments.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A reader's comment on one article translation, or a staff reply. The aggregate root of the comments
 * feature.
 *
 * <p>Lifecycle: a reader's comment is stored {@link CommentStatus#PENDING} before the reader gets an
 * answer, with what they submitted kept twice: the visible fields, which moderators may edit, and the
 * {@code submitted*} fields with the request data (address, user agent, referrer, permalink), which never
 * change, because Akismet's submit-spam and submit-ham must receive the comment exactly as it was first
 * checked. The cheap checks and Akismet add {@link Verdict}s; the status then moves to APPROVED (only
 * where the policy allows), SPAM, or stays PENDING for a moderator, who may later move it between any of
 * the four statuses or delete it. While Akismet has not answered, {@link #getCheckState()} is
 * {@link CheckState#WAITING} with a {@link #getNextCheckAt() next-check time} in the database, so a check
 * that failed, or was lost in a restart, is picked up by a timer. Every change of status, every check and
 * every edit is appended to the {@link HistoryEntry history} with who did it and when.
 *
 * <p>Replies point to their parent comment; {@link #getDepth()} is 1 for a top-level comment.
 */
@Entity
@Table(name = "comment")
public class Comment {

    /** Longest name, e-mail, website and text, as in the schema. */
    public static final int NAME_MAX = 100;
    public static final int EMAIL_MAX = 254;
    public static final int URL_MAX = 500;
    public static final int BODY_MAX = 10000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "article_id", nullable = false)
    private long articleId;

    @Column(name = "translation_id", nullable = false)
    private long translationId;

    @Column(name = "language", nullable = false, length = 10)
    private String language;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(name = "depth", nullable = false)
    private int depth;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private CommentStatus status;

    @Column(name = "author_name", nullable = false, length = NAME_MAX)
    private String authorName;

    @Column(name = "author_email", nullable = false, length = EMAIL_MAX)
    private String authorEmail;

    @Column(name = "author_url", length = URL_MAX)
    private String authorUrl;

    @Column(name = "body", nullable = false, length = BODY_MAX)
    private String body;

    @Column(name = "staff", nullable = false)
    private boolean staff;

    @Column(name = "held", nullable = false)
    private boolean held;

    @Column(name = "submitted_name", nullable = false, length = NAME_MAX)
    private String submittedName;

    @Column(name = "submitted_email", nullable = false, length = EMAIL_MAX)
    private String submittedEmail;

    /** The submitted e-mail in lower case: how flood control and "known author" find a writer's comments. */
    @Column(name = "email_key", nullable = false, length = EMAIL_MAX)
    private String emailKey;

    @Column(name = "submitted_url", length = URL_MAX)
    private String submittedUrl;

    @Column(name = "submitted_body", nullable = false, length = BODY_MAX)
    private String submittedBody;

    @Column(name = "user_ip", length = 64)
    private String userIp;

    @Column(name = "user_agent", length = 500)
    private String userAgent;

    @Column(name = "referrer", length = 1000)
    private String referrer;

    @Column(name = "permalink", length = 1000)
    private String permalink;

    @Column(name = "honeypot_value", length = 500)
    private String honeypotValue;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "check_state", nullable = false, length = 20)
    private CheckState checkState = CheckState.DONE;

    @Column(name = "check_attempts", nullable = false)
    private int checkAttempts;

    @Column(name = "next_check_at")
    private Instant nextCheckAt;

    @Column(name = "notified", nullable = false)
    private boolean notified;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "comment_history", joinColumns = @JoinColumn(name = "comment_id"))
    @OrderColumn(name = "seq")
    private List<HistoryEntry> history = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "comment_verdict", joinColumns = @JoinColumn(name = "comment_id"))
    @OrderColumn(name = "seq")
    private List<Verdict> verdicts = new ArrayList<>();

    protected Comment() {
    }

    /** What a reader (or a staff member) submitted, and from where. */
    public record Submission(long articleId, long translationId, String language, Long parentId, int depth,
                             String name, String email, String url, String body, String userIp, String userAgent,
                             String referrer, String permalink, String honeypotValue) {
    }

    /** A new comment, PENDING, as submitted at {@code at} by {@code actor} ("reader" or a staff e-mail). */
    public Comment(Submission s, boolean staff, String actor, Instant at) {
        this.articleId = s.articleId();
        this.translationId = s.translationId();
        this.language = Objects.requireNonNull(s.language());
        this.parentId = s.parentId();
        this.depth = s.depth();
        this.status = CommentStatus.PENDING;
        this.authorName = clip(s.name(), NAME_MAX);
        this.authorEmail = clip(s.email(), EMAIL_MAX);
        this.authorUrl = clip(blankToNull(s.url()), URL_MAX);
        this.body = clip(s.body(), BODY_MAX);
        this.submittedName = authorName;
        this.submittedEmail = authorEmail;
        this.emailKey = emailKey(authorEmail);
        this.submittedUrl = authorUrl;
        this.submittedBody = body;
        this.userIp = clip(s.userIp(), 64);
        this.userAgent = clip(s.userAgent(), 500);
        this.referrer = clip(s.referrer(), 1000);
        this.permalink = clip(s.permalink(), 1000);
        this.honeypotValue = clip(s.honeypotValue(), 500);
        this.staff = staff;
        this.createdAt = at;
        this.updatedAt = at;
        record(at, actor, "submitted", staff ? "staff reply" : null);
    }

    /** Appends a history line. */
    public void record(Instant at, String actor, String action, String detail) {
        history.add(new HistoryEntry(at, actor, action, detail));
    }

    /** Adds a check's verdict (and a history line for it). */
    public void addVerdict(Instant at, String check, Verdict.Outcome outcome, String reason) {
        verdicts.add(new Verdict(at, check, outcome, reason));
        if (outcome == Verdict.Outcome.HOLD) {
            held = true;
        }
        record(at, "system", "check", check + ": " + outcome + (reason == null || reason.isBlank() ? "" : " (" + reason + ")"));
    }

    /** Moves to a status; returns whether it changed. The history names who did it. */
    public boolean moveTo(CommentStatus newStatus, String actor, Instant at) {
        if (newStatus == status) {
            return false;
        }
        record(at, actor, "status", status + " -> " + newStatus);
        status = newStatus;
        updatedAt = at;
        return true;
    }

    /** Asks for an Akismet check at {@code when} (first check or a retry). */
    public void awaitCheck(Instant when) {
        checkState = CheckState.WAITING;
        nextCheckAt = when;
    }

    /** Counts a failed check and schedules the next one. */
    public void checkFailed(Instant next) {
        checkAttempts++;
        nextCheckAt = next;
        checkState = CheckState.WAITING;
    }

    /** Nothing more to check. */
    public void checkDone() {
        checkState = CheckState.DONE;
        nextCheckAt = null;
    }

    /** A moderator's edit of the visible fields; what was submitted is kept as it was. */
    public void edit(String name, String email, String url, String text, String actor, Instant at) {
        StringBuilder changed = new StringBuilder();
        if (!Objects.equals(authorName, name)) {
            changed.append("name ");
        }
        if (!Objects.equals(authorEmail, email)) {
            changed.append("e-mail ");
        }
        if (!Objects.equals(authorUrl, blankToNull(url))) {
            changed.append("website ");
        }
        if (!Objects.equals(body, text)) {
            changed.append("text ");
        }
        this.authorName = clip(name, NAME_MAX);
        this.authorEmail = clip(email, EMAIL_MAX);
        this.authorUrl = clip(blankToNull(url), URL_MAX);
        this.body = clip(text, BODY_MAX);
        this.updatedAt = at;
        record(at, actor, "edit", changed.toString().trim());
    }

    public void markNotified() {
        notified = true;
    }

    static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Long getId() {
        return id;
    }

    public long getArticleId() {
        return articleId;
    }

    public long getTranslationId() {
        return translationId;
    }

    public String getLanguage() {
        return language;
    }

    public Optional<Long> getParentId() {
        return Optional.ofNullable(parentId);
    }

    public int getDepth() {
        return depth;
    }

    public CommentStatus getStatus() {
        return status;
    }

    public String getAuthorName() {
        return authorName;
    }

    public String getAuthorEmail() {
        return authorEmail;
    }

    public Optional<String> getAuthorUrl() {
        return Optional.ofNullable(authorUrl);
    }

    public String getBody() {
        return body;
    }

    public boolean isStaff() {
        return staff;
    }

    /** Whether a cheap check asked for a moderator even where the policy would approve. */
    public boolean isHeld() {
        return held;
    }

    public String getSubmittedName() {
        return submittedName;
    }

    public String getSubmittedEmail() {
        return submittedEmail;
    }

    public Optional<String> getSubmittedUrl() {
        return Optional.ofNullable(submittedUrl);
    }

    public String getSubmittedBody() {
        return submittedBody;
    }

    public Optional<String> getUserIp() {
        return Optional.ofNullable(userIp);
    }

    public Optional<String> getUserAgent() {
        return Optional.ofNullable(userAgent);
    }

    public Optional<String> getReferrer() {
        return Optional.ofNullable(referrer);
    }

    public Optional<String> getPermalink() {
        return Optional.ofNullable(permalink);
    }

    public Optional<String> getHoneypotValue() {
        return Optional.ofNullable(honeypotValue);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public CheckState getCheckState() {
        return checkState;
    }

    public int getCheckAttempts() {
        return checkAttempts;
    }

    public Optional<Instant> getNextCheckAt() {
        return Optional.ofNullable(nextCheckAt);
    }

    public boolean isNotified() {
        return notified;
    }

    public long getVersion() {
        return version;
    }

    public List<HistoryEntry> getHistory() {
        return Collections.unmodifiableList(history);
    }

    public List<Verdict> getVerdicts() {
        return Collections.unmodifiableList(verdicts);
    }

    /** The key under which comments by an e-mail address are found: the address in lower case. */
    public static String emailKey(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
