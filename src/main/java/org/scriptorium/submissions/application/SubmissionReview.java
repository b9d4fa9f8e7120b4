package org.scriptorium.submissions.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.content.application.ArticleForm;
import org.scriptorium.content.application.Choice;
import org.scriptorium.content.application.EditorialService;
import org.scriptorium.content.application.GuestCredits;
import org.scriptorium.content.application.SaveOutcome;
import org.scriptorium.identity.application.UserService;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.media.application.MediaService;
import org.scriptorium.media.domain.MediaItem;
import org.scriptorium.platform.audit.AuditEvent;
import org.scriptorium.spam.application.AkismetGateway;
import org.scriptorium.spam.domain.FeedbackReceipt;
import org.scriptorium.submissions.domain.Submission;
import org.scriptorium.submissions.domain.SubmissionImage;
import org.scriptorium.submissions.domain.SubmissionRepository;
import org.scriptorium.submissions.domain.SubmissionStatus;
import org.scriptorium.submissions.domain.SubmissionStatusChanged;

/**
 * The editors' side of submissions: the queue with counts and filters, the detail, reviewer, notes, and
 * the decisions. Accepting creates a draft article in the story's language with the story, the summary as
 * excerpt and the suggested category, credits the submitter as guest author and moves the pictures into the
 * media library (the first becomes the featured image). Declining stores the message the submitter reads.
 * Marking spam or not spam reports the submission to Akismet exactly as it was checked. Every decision
 * fires {@link SubmissionStatusChanged} (the submitter is e-mailed) and an {@link AuditEvent}.
 */
@ApplicationScoped
@Transactional
public class SubmissionReview {

    private SubmissionRepository submissions;
    private UploadArea uploads;
    private EditorialService editorial;
    private GuestCredits credits;
    private MediaService media;
    private UserService users;
    private AkismetGateway akismet;
    private Consumer<Object> events;
    private Clock clock;
    private String baseUrl;

    protected SubmissionReview() {
    }

    @Inject
    public SubmissionReview(SubmissionRepository submissions, UploadArea uploads, EditorialService editorial,
                            GuestCredits credits, MediaService media, UserService users, AkismetGateway akismet,
                            Event<Object> events, Clock clock, org.scriptorium.platform.config.Settings config) {
        this(submissions, uploads, editorial, credits, media, users, akismet, events::fire, clock, config.baseUrl());
    }

    public SubmissionReview(SubmissionRepository submissions, UploadArea uploads, EditorialService editorial,
                            GuestCredits credits, MediaService media, UserService users, AkismetGateway akismet,
                            Consumer<Object> events, Clock clock, String baseUrl) {
        this.submissions = submissions;
        this.uploads = uploads;
        this.editorial = editorial;
        this.credits = credits;
        this.media = media;
        this.users = users;
        this.akismet = akismet;
        this.events = events;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** One line of the queue. */
    public record Row(long id, String title, String authorName, String email, String language, SubmissionStatus status,
                      String spamCheck, String reviewer, Instant receivedAt, int images) {
    }

    /** A picture of a submission, served to editors from quarantine. */
    public record Image(int position, String fileName, String contentType, String originalName, long size) {
    }

    /** An internal note. */
    public record Note(String author, String text, Instant at) {
    }

    /** Everything the detail page shows. */
    public record Detail(long id, String title, String summary, String storyHtml, String language, String category,
                         String authorName, String email, String bio, SubmissionStatus status, String spamCheck,
                         String spamDetail, String reviewer, String editorMessage, Long articleId, String clientIp,
                         Instant receivedAt, long version, List<Image> images, List<Note> notes, int imagesMoved) {
    }

    public List<Row> queue(Optional<SubmissionStatus> status, Optional<String> text, int page, int size) {
        return submissions.list(status, text.filter(t -> !t.isBlank()).map(String::strip), Math.max(0, page - 1) * size, size)
                .stream().map(s -> new Row(s.getId(), s.getTitle(), s.getAuthorName(), s.getEmail(), s.getLanguage(),
                        s.getStatus(), s.getSpamCheck().name(), s.getReviewer().orElse(""), s.getCreatedAt(),
                        s.getImages().size())).toList();
    }

    public long total(Optional<SubmissionStatus> status, Optional<String> text) {
        return submissions.count(status, text.filter(t -> !t.isBlank()).map(String::strip));
    }

    public Map<SubmissionStatus, Long> counts() {
        return submissions.countByStatus();
    }

    public Optional<Detail> detail(long id) {
        return submissions.findById(id).map(s -> new Detail(s.getId(), s.getTitle(), s.getSummary(), s.getStory(),
                s.getLanguage(), s.getCategoryId().flatMap(c -> editorial.categoryChoices(s.getLanguage()).stream()
                        .filter(ch -> ch.id() == c).map(Choice::label).findFirst()).orElse(""),
                s.getAuthorName(), s.getEmail(), s.getBio().orElse(""), s.getStatus(), s.getSpamCheck().name(),
                s.getSpamDetail().orElse(""), s.getReviewer().orElse(""), s.getEditorMessage().orElse(""),
                s.getArticleId().orElse(null), s.getClientIp(), s.getCreatedAt(), s.getVersion(),
                s.getStatus() == SubmissionStatus.ACCEPTED ? List.of() : s.getImages().stream().map(i -> new Image(i.getPosition(),
                        i.getFileName(), i.getContentType(), i.getOriginalName(), i.getSizeBytes())).toList(),
                s.getNotes().stream().map(n -> new Note(n.getAuthor(), n.getText(), n.getCreatedAt())).toList(),
                s.getStatus() == SubmissionStatus.ACCEPTED ? s.getImages().size() : 0));
    }

    /** A quarantined picture of a submission, by its file name. */
    public Optional<byte[]> imageBytes(long id, String fileName) {
        return submissions.findById(id).flatMap(s -> s.getImages().stream().filter(i -> i.getFileName().equals(fileName))
                .findFirst()).flatMap(i -> uploads.read(id, i.getFileName()));
    }

    /** The people who may review: active editors and administrators. */
    public List<String> reviewers() {
        return users.all().stream().filter(u -> u.isActive() && (u.hasRole(Role.EDITOR) || u.hasRole(Role.ADMIN)))
                .map(u -> u.getEmail()).sorted().toList();
    }

    public void startReview(String actor, long id) {
        Submission s = find(id);
        if (s.getStatus() != SubmissionStatus.NEW) {
            throw new SubmissionException(SubmissionException.Reason.WRONG_STATUS, "");
        }
        change(actor, s, SubmissionStatus.IN_REVIEW, "submission.review");
    }

    public void assign(String actor, long id, String reviewer) {
        Submission s = find(id);
        if (reviewer != null && !reviewer.isBlank() && !reviewers().contains(reviewer)) {
            throw new SubmissionException(SubmissionException.Reason.NOT_FOUND, "reviewer");
        }
        s.assignReviewer(reviewer, clock.instant());
        events.accept(new AuditEvent(actor, "submission.assign", target(s), reviewer == null ? "" : reviewer));
    }

    public void addNote(String actor, long id, String text) {
        if (text == null || text.isBlank()) {
            throw new SubmissionException(SubmissionException.Reason.REQUIRED, "note");
        }
        if (text.strip().length() > 4000) {
            throw new SubmissionException(SubmissionException.Reason.TOO_LONG, "note");
        }
        Submission s = find(id);
        s.addNote(actor, text.strip(), clock.instant());
        events.accept(new AuditEvent(actor, "submission.note", target(s), ""));
    }

    /** Where the draft made by {@link #accept} is edited. */
    public record Accepted(long articleId, String language) {
    }

    /**
     * Turns the submission into a draft article credited to the submitter. Its pictures are imported into the
     * media library; the quarantine copies are deleted once this commits ({@link QuarantineRelease}).
     *
     * @param message what the submitter reads; may be empty
     */
    public Accepted accept(String actor, long id, String message) {
        Submission s = find(id);
        if (s.getStatus() == SubmissionStatus.ACCEPTED || s.getStatus() == SubmissionStatus.SPAM) {
            throw new SubmissionException(SubmissionException.Reason.WRONG_STATUS, "");
        }
        checkMessage(message);
        List<String> urls = new ArrayList<>();
        for (SubmissionImage image : s.getImages()) {
            uploads.read(id, image.getFileName()).ifPresent(bytes -> {
                MediaItem item = media.importImage(actor, image.getOriginalName(), bytes);
                urls.add("/media/" + item.getFileName());
            });
        }
        StringBuilder body = new StringBuilder(s.getStory());
        for (String url : urls.subList(Math.min(1, urls.size()), urls.size())) {
            body.append("<figure><img src=\"").append(url).append("\" alt=\"\" /></figure>");
        }
        SaveOutcome saved = editorial.save(actor, new ArticleForm(null, s.getLanguage(), s.getTitle(), "", s.getSummary(),
                body.toString(), "", "", s.getCategoryId().map(List::of).orElse(List.of()), "", true, 0),
                EditorialService.Intent.SAVE, Optional.empty());
        credits.credit(saved.articleId(), s.getAuthorName(), s.getBio().orElse(null), urls.isEmpty() ? null : urls.get(0));
        s.linkArticle(saved.articleId());
        s.messageSubmitter(message, clock.instant());
        change(actor, s, SubmissionStatus.ACCEPTED, "submission.accept");
        return new Accepted(saved.articleId(), saved.language());
    }

    /** Declines with a message to the submitter (usually from a translated template, edited). */
    public void decline(String actor, long id, String message) {
        Submission s = find(id);
        if (s.getStatus() == SubmissionStatus.ACCEPTED) {
            throw new SubmissionException(SubmissionException.Reason.WRONG_STATUS, "");
        }
        if (message == null || message.isBlank()) {
            throw new SubmissionException(SubmissionException.Reason.REQUIRED, "message");
        }
        checkMessage(message);
        s.messageSubmitter(message, clock.instant());
        change(actor, s, SubmissionStatus.DECLINED, "submission.decline");
    }

    /** Moves a submission to spam and reports it to Akismet; returns whether Akismet took the report. */
    public FeedbackReceipt markSpam(String actor, long id) {
        Submission s = find(id);
        if (s.getStatus() == SubmissionStatus.ACCEPTED) {
            throw new SubmissionException(SubmissionException.Reason.WRONG_STATUS, "");
        }
        change(actor, s, SubmissionStatus.SPAM, "submission.spam");
        return akismet.isActive() ? akismet.client().submitSpam(SubmissionIntake.akismetRequest(s, baseUrl))
                : FeedbackReceipt.failed("Akismet is off");
    }

    /** Rescues a submission from spam (back to NEW) and reports it to Akismet as ham. */
    public FeedbackReceipt markHam(String actor, long id) {
        Submission s = find(id);
        if (s.getStatus() != SubmissionStatus.SPAM) {
            throw new SubmissionException(SubmissionException.Reason.WRONG_STATUS, "");
        }
        change(actor, s, SubmissionStatus.NEW, "submission.ham");
        return akismet.isActive() ? akismet.client().submitHam(SubmissionIntake.akismetRequest(s, baseUrl))
                : FeedbackReceipt.failed("Akismet is off");
    }

    private static void checkMessage(String message) {
        if (message != null && message.strip().length() > 4000) {
            throw new SubmissionException(SubmissionException.Reason.TOO_LONG, "message");
        }
    }

    private void change(String actor, Submission s, SubmissionStatus to, String action) {
        s.moveTo(to, clock.instant()).ifPresent(from -> {
            if (to != SubmissionStatus.SPAM) {
                events.accept(new SubmissionStatusChanged(s.getId(), from, to));
            }
        });
        events.accept(new AuditEvent(actor, action, target(s), to.name()));
    }

    private Submission find(long id) {
        return submissions.findById(id).orElseThrow(() -> new SubmissionException(SubmissionException.Reason.NOT_FOUND, ""));
    }

    private static String target(Submission s) {
        return "submission:" + s.getId();
    }
}
