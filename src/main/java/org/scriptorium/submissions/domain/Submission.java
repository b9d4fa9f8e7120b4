package org.scriptorium.submissions.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A story a reader sent through the public form, with its pictures and the editors' notes.
 *
 * <p>Lifecycle: stored as {@link SubmissionStatus#NEW} as soon as the form passes its checks (so nothing a
 * reader sent is lost, whatever the spam check does next); the spam check then leaves it NEW (ham, or held
 * when Akismet could not answer) or moves it to SPAM. An editor takes it IN_REVIEW, assigns a reviewer, adds
 * notes, and finally accepts it (a draft article is created from it) or declines it with a message; an
 * editor may also mark it spam or rescue it from spam. The submitter follows the status through a private
 * link carrying {@link #getStatusToken()}, which is random and unguessable. The story is stored sanitised.
 */
@Entity
@Table(name = "submission")
public class Submission {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "status_token", nullable = false, length = 64)
    private String statusToken;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SubmissionStatus status = SubmissionStatus.NEW;

    @Column(nullable = false, length = 10)
    private String language;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(nullable = false, length = 1000)
    private String summary;

    @Column(nullable = false, length = 100000)
    private String story;

    @Column(name = "category_id")
    private Long categoryId;

    @Column(name = "author_name", nullable = false, length = 200)
    private String authorName;

    @Column(nullable = false, length = 320)
    private String email;

    @Column(length = 1000)
    private String bio;

    @Column(name = "client_ip", nullable = false, length = 100)
    private String clientIp;

    @Column(name = "user_agent", length = 500)
    private String userAgent;

    @Column(length = 1000)
    private String referrer;

    @Enumerated(EnumType.STRING)
    @Column(name = "spam_check", nullable = false, length = 20)
    private SpamCheck spamCheck = SpamCheck.PENDING;

    @Column(name = "spam_detail", length = 1000)
    private String spamDetail;

    @Column(length = 320)
    private String reviewer;

    @Column(name = "editor_message", length = 4000)
    private String editorMessage;

    @Column(name = "article_id")
    private Long articleId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "submission", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<SubmissionImage> images = new ArrayList<>();

    @OneToMany(mappedBy = "submission", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("createdAt")
    private List<SubmissionNote> notes = new ArrayList<>();

    protected Submission() {
    }

    /** What the reader sent, already checked and sanitised. */
    public record Content(String language, String title, String summary, String story, Long categoryId,
                          String authorName, String email, String bio) {
    }

    /** Who sent it, as the site saw them (for the spam check and the rate limits). */
    public record Sender(String clientIp, String userAgent, String referrer) {
    }

    public Submission(String statusToken, Content content, Sender sender, Instant at) {
        this.statusToken = statusToken;
        this.language = content.language();
        this.title = content.title();
        this.summary = content.summary();
        this.story = content.story();
        this.categoryId = content.categoryId();
        this.authorName = content.authorName();
        this.email = content.email().strip().toLowerCase(Locale.ROOT);
        this.bio = content.bio();
        this.clientIp = sender.clientIp();
        this.userAgent = sender.userAgent();
        this.referrer = sender.referrer();
        this.createdAt = at;
        this.updatedAt = at;
    }

    public SubmissionImage addImage(String fileName, String contentType, String originalName, long size) {
        SubmissionImage image = new SubmissionImage(this, images.size() + 1, fileName, contentType, originalName, size);
        images.add(image);
        return image;
    }

    public void addNote(String author, String text, Instant at) {
        notes.add(new SubmissionNote(this, author, text, at));
        this.updatedAt = at;
    }

    /** Records the automatic spam check; SPAM moves a NEW submission to the spam folder. */
    public Optional<SubmissionStatus> recordSpamCheck(SpamCheck result, String detail, Instant at) {
        this.spamCheck = result;
        this.spamDetail = detail == null ? null : detail.length() > 1000 ? detail.substring(0, 1000) : detail;
        this.updatedAt = at;
        if (result == SpamCheck.SPAM && status == SubmissionStatus.NEW) {
            return moveTo(SubmissionStatus.SPAM, at);
        }
        return Optional.empty();
    }

    /**
     * Changes the status.
     *
     * @return the previous status when it changed
     */
    public Optional<SubmissionStatus> moveTo(SubmissionStatus next, Instant at) {
        if (next == status) {
            return Optional.empty();
        }
        SubmissionStatus previous = status;
        status = next;
        updatedAt = at;
        return Optional.of(previous);
    }

    public void assignReviewer(String email, Instant at) {
        this.reviewer = email == null || email.isBlank() ? null : email;
        this.updatedAt = at;
    }

    /** The message the submitter reads on the status page and in the e-mail. */
    public void messageSubmitter(String message, Instant at) {
        this.editorMessage = message == null || message.isBlank() ? null : message.strip();
        this.updatedAt = at;
    }

    public void linkArticle(long id) {
        this.articleId = id;
    }

    public Long getId() {
        return id;
    }

    public String getStatusToken() {
        return statusToken;
    }

    public SubmissionStatus getStatus() {
        return status;
    }

    public String getLanguage() {
        return language;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    /** The story as sanitised HTML. */
    public String getStory() {
        return story;
    }

    public Optional<Long> getCategoryId() {
        return Optional.ofNullable(categoryId);
    }

    public String getAuthorName() {
        return authorName;
    }

    public String getEmail() {
        return email;
    }

    public Optional<String> getBio() {
        return Optional.ofNullable(bio);
    }

    public String getClientIp() {
        return clientIp;
    }

    public Optional<String> getUserAgent() {
        return Optional.ofNullable(userAgent);
    }

    public Optional<String> getReferrer() {
        return Optional.ofNullable(referrer);
    }

    public SpamCheck getSpamCheck() {
        return spamCheck;
    }

    public Optional<String> getSpamDetail() {
        return Optional.ofNullable(spamDetail);
    }

    public Optional<String> getReviewer() {
        return Optional.ofNullable(reviewer);
    }

    public Optional<String> getEditorMessage() {
        return Optional.ofNullable(editorMessage);
    }

    public Optional<Long> getArticleId() {
        return Optional.ofNullable(articleId);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    public List<SubmissionImage> getImages() {
        return Collections.unmodifiableList(images);
    }

    public List<SubmissionNote> getNotes() {
        return Collections.unmodifiableList(notes);
    }
}
