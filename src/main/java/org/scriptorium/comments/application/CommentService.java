package org.scriptorium.comments.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.comments.domain.CheckState;
import org.scriptorium.comments.domain.Comment;
import org.scriptorium.comments.domain.CommentQuery;
import org.scriptorium.comments.domain.CommentRepository;
import org.scriptorium.comments.domain.CommentStatus;
import org.scriptorium.comments.domain.CommentStored;
import org.scriptorium.comments.domain.CommentsChanged;
import org.scriptorium.comments.domain.DiscardedComment;
import org.scriptorium.comments.domain.FeedbackRequested;
import org.scriptorium.comments.domain.NewPendingComment;
import org.scriptorium.comments.domain.Verdict;
import org.scriptorium.content.application.Paged;
import org.scriptorium.content.domain.ArticleRepository;
import org.scriptorium.content.domain.ArticleTranslation;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.identity.domain.User;
import org.scriptorium.identity.domain.UserRepository;
import org.scriptorium.platform.audit.AuditEvent;
import org.scriptorium.platform.config.Settings;
import org.scriptorium.spam.application.AkismetGateway;
import org.scriptorium.spam.domain.AkismetVerdict;
import org.scriptorium.spam.domain.SpamCheckRequest;

/**
 * Comments from the reader's post to the moderator's decision.
 *
 * <p><strong>Posting.</strong> {@link #post(PostInput)} validates the form, runs the {@link CheapChecks} and
 * stores the comment with their verdicts and the resulting status in one transaction, so that the comment is
 * durable before the reader is answered. The comment is stored once its status is known: one insert rather
 * than an insert and then an update of the same row and its indexes. Blatant spam (a filled honeypot) goes
 * to the discard log and the comment is not stored; spam by the time trap, flood control (a second comment
 * from one address or e-mail within the interval) or the blocklists becomes SPAM, where a moderator can still
 * find it and call it "not spam". What remains waits for Akismet: {@link CommentStored} is fired and, after
 * the commit, {@link AkismetCheckRunner} asks Akismet off the reader's request. Without an active Akismet
 * key the policy decides at once.
 *
 * <p><strong>Akismet.</strong> {@link #prepareCheck(long)} and {@link #applyVerdict(long, AkismetVerdict)}
 * are the two transactional halves around the network call. HAM lets the policy decide (APPROVED only for a
 * known author when the policy allows it and no check held the comment), SPAM makes it SPAM, DISCARD moves
 * it to the discard log, and an ERROR keeps it PENDING with a re-check scheduled with exponential backoff
 * (1 minute doubling up to an hour) in the database, where a timer finds it after any restart.
 *
 * <p><strong>Moderation.</strong> Moderators, editors and administrators list, filter, edit, reply and move
 * comments between statuses; every action is written to the comment's history and announced as an
 * {@link AuditEvent}. "Spam" and "not spam" ask for Akismet feedback with the data as submitted
 * ({@link FeedbackRequested}). Whenever what readers see changes, {@link CommentsChanged} is fired and the
 * page cache drops its pages after the commit.
 */
@ApplicationScoped
@Transactional
public class CommentService {

    /** How long a stored comment may wait for its first Akismet answer before the timer asks again. */
    static final Duration CHECK_LEASE = Duration.ofMinutes(2);
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration MAX_RETRY = Duration.ofHours(1);
    /** Discarded comments stay in the log this long. */
    public static final Duration DISCARD_LOG_AGE = Duration.ofDays(15);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Set<Role> MODERATORS = EnumSet.of(Role.ADMIN, Role.EDITOR, Role.MODERATOR);
    private static final String READER = "reader";
    private static final String SYSTEM = "system";

    private CommentRepository comments;
    private ArticleRepository articles;
    private UserRepository users;
    private CommentSettingsStore settingsStore;
    private AkismetGateway akismet;
    private Settings settings;
    private Clock clock;
    private Consumer<Object> events;
    private DiscussionMemo memo;

    protected CommentService() {
    }

    @Inject
    public CommentService(CommentRepository comments, ArticleRepository articles, UserRepository users,
                          CommentSettingsStore settingsStore, AkismetGateway akismet, Settings settings, Clock clock,
                          Event<Object> events, DiscussionMemo memo) {
        this(comments, articles, users, settingsStore, akismet, settings, clock, (Consumer<Object>) events::fire, memo);
    }

    /** Without a memo: every discussion is read from the database. */
    public CommentService(CommentRepository comments, ArticleRepository articles, UserRepository users,
                          CommentSettingsStore settingsStore, AkismetGateway akismet, Settings settings, Clock clock,
                          Consumer<Object> events) {
        this(comments, articles, users, settingsStore, akismet, settings, clock, events, DiscussionMemo.off());
    }

    public CommentService(CommentRepository comments, ArticleRepository articles, UserRepository users,
                          CommentSettingsStore settingsStore, AkismetGateway akismet, Settings settings, Clock clock,
                          Consumer<Object> events, DiscussionMemo memo) {
        this.comments = comments;
        this.articles = articles;
        this.users = users;
        this.settingsStore = settingsStore;
        this.akismet = akismet;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
        this.memo = memo;
    }

    // ---------------------------------------------------------------- reader side

    /** The comments of a published translation, with the reader's own pending ones marked; empty if unknown. */
    public Optional<Discussion> discussion(long translationId, Set<Long> ownIds) {
        if (ownIds.isEmpty()) {
            return memo.discussion(translationId, () -> readDiscussion(translationId, ownIds));
        }
        return readDiscussion(translationId, ownIds);
    }

    private Optional<Discussion> readDiscussion(long translationId, Set<Long> ownIds) {
        Optional<ArticleTranslation> found = articles.findTranslationById(translationId)
                .filter(t -> t.isVisibleAt(clock.instant()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ArticleTranslation t = found.get();
        CommentSettings s = settingsStore.current();
        List<Comment> approved = comments.findApproved(translationId);
        List<Comment> all = new ArrayList<>(approved);
        for (Comment own : comments.findOwn(translationId, ownIds)) {
            if (own.getStatus() == CommentStatus.PENDING) {
                all.add(own);
            }
        }
        return Optional.of(new Discussion(translationId, t.getLanguage(), isOpen(t, s), s.maxDepth(), thread(all),
                approved.size()));
    }

    /** Approved comments per article and language ("42/it"), for lists of articles. */
    public Map<String, Long> approvedCounts(Collection<Long> articleIds) {
        return comments.countApproved(articleIds);
    }

    /** Stores a reader's comment and runs the cheap checks; see the class comment. */
    public PostResult post(PostInput posted) {
        PostInput in = withoutNul(posted);
        Instant now = clock.instant();
        Optional<ArticleTranslation> found = articles.findTranslationById(in.translationId()).filter(t -> t.isVisibleAt(now));
        if (found.isEmpty()) {
            return new PostResult.NotFound();
        }
        ArticleTranslation t = found.get();
        CommentSettings s = settingsStore.current();
        if (!isOpen(t, s)) {
            return new PostResult.Refused("comments.closed");
        }
        Map<String, String> errors = validate(in.name(), in.email(), in.url(), in.body());
        Comment parent = null;
        if (in.parentId() != null) {
            parent = comments.findById(in.parentId())
                    .filter(p -> p.getTranslationId() == t.getId() && p.getStatus() == CommentStatus.APPROVED).orElse(null);
            if (parent == null) {
                errors.put("parent", "comments.error.parent");
            }
        }
        if (!errors.isEmpty()) {
            return new PostResult.Invalid(errors);
        }
        String email = in.email().strip();
        boolean flood = s.floodSeconds() > 0 && comments.existsSince(in.ip(), email, now.minusSeconds(s.floodSeconds()));
        Long parentId = parent == null ? null : parent.getId();
        int depth = 1;
        if (parent != null) {
            if (parent.getDepth() >= s.maxDepth()) {
                parentId = parent.getParentId().orElse(null);
                depth = parent.getDepth();
            } else {
                depth = parent.getDepth() + 1;
            }
        }
        String permalink = settings.baseUrl() + "/" + t.getLanguage() + "/" + t.getSlug();
        Comment c = new Comment(new Comment.Submission(t.getArticle().getId(), t.getId(), t.getLanguage(), parentId, depth,
                in.name().strip(), email, blankToNull(in.url()), in.body().strip(), in.ip(), in.userAgent(),
                in.referrer(), permalink, in.honeypot()), false, READER, now);
        Duration fill = in.formShownAt() == null ? null : Duration.between(in.formShownAt(), now);
        List<CheapChecks.Result> results = CheapChecks.run(s, c.getAuthorName(), email, c.getAuthorUrl().orElse(null),
                c.getBody(), in.ip(), in.honeypot(), fill, flood);
        Verdict.Outcome worst = Verdict.Outcome.PASS;
        String reason = null;
        for (CheapChecks.Result r : results) {
            c.addVerdict(now, r.check(), r.outcome(), r.reason());
            if (rank(r.outcome()) > rank(worst)) {
                worst = r.outcome();
                reason = r.check() + ": " + r.reason();
            }
        }
        if (worst == Verdict.Outcome.DISCARD) {
            comments.saveDiscard(new DiscardedComment(c, reason, now));
            return new PostResult.Accepted(0, CommentStatus.PENDING);
        }
        if (worst == Verdict.Outcome.SPAM) {
            c.moveTo(CommentStatus.SPAM, SYSTEM, now);
            comments.save(c);
            return new PostResult.Accepted(c.getId(), CommentStatus.SPAM);
        }
        if (akismet.isActive()) {
            c.awaitCheck(now.plus(CHECK_LEASE));
            comments.save(c);
            events.accept(new CommentStored(c.getId()));
        } else {
            c.record(now, SYSTEM, "check", "akismet: skipped (Akismet is off)");
            boolean approved = decide(c, s, now);
            comments.save(c);
            announce(c, approved, now);
        }
        return new PostResult.Accepted(c.getId(), c.getStatus());
    }

    private static int rank(Verdict.Outcome o) {
        return switch (o) {
            case PASS, ERROR -> 0;
            case HOLD -> 1;
            case SPAM -> 2;
            case DISCARD -> 3;
        };
    }

    /** Validates the reader's fields; returns field name to UI-string key for each problem. */
    public static Map<String, String> validate(String name, String email, String url, String body) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name == null || name.isBlank() || name.strip().length() > Comment.NAME_MAX) {
            errors.put("name", "comments.error.name");
        }
        if (email == null || email.strip().length() > Comment.EMAIL_MAX || !EMAIL.matcher(email.strip()).matches()) {
            errors.put("email", "comments.error.email");
        }
        if (url != null && !url.isBlank() && (url.strip().length() > Comment.URL_MAX || PlainText.safeUrl(url).isEmpty())) {
            errors.put("url", "comments.error.url");
        }
        if (body == null || body.isBlank() || body.strip().length() > Comment.BODY_MAX) {
            errors.put("body", "comments.error.body");
        }
        return errors;
    }

    // ---------------------------------------------------------------- Akismet

    /**
     * The Akismet request for a comment that waits for its check, with its next-check time pushed back by
     * the lease so that the timer does not start a second check meanwhile; empty when there is nothing to
     * check (decided by a moderator, deleted, or Akismet off; in the last case the policy decides now).
     */
    public Optional<SpamCheckRequest> prepareCheck(long commentId) {
        Optional<Comment> found = comments.lockById(commentId).filter(c -> c.getCheckState() == CheckState.WAITING);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Comment c = found.get();
        Instant now = clock.instant();
        if (!akismet.isActive()) {
            c.record(now, SYSTEM, "check", "akismet: skipped (Akismet is off)");
            c.checkDone();
            if (c.getStatus() == CommentStatus.PENDING) {
                settle(c, settingsStore.current(), now);
            }
            return Optional.empty();
        }
        c.awaitCheck(now.plus(CHECK_LEASE));
        SpamCheckRequest request = akismetRequest(c);
        return Optional.of(c.getCheckAttempts() > 0 ? request.asRecheck("retry") : request);
    }

    /**
     * The request for a comment's first check, just after its post committed: read without a lock and
     * without writing, because the post itself leased the check ({@link #CHECK_LEASE}), so neither the timer
     * nor another check can start on it meanwhile. Saving the lock and the write matters on the embedded
     * database, where every committed write waits its turn to reach the file. Empty when the comment no
     * longer waits for its first check, when the lease ran out (the queue was that far behind: the timer's
     * {@link #prepareCheck} path takes over) or when Akismet was switched off since the post (so is
     * {@link #prepareCheck}'s: it settles the comment by the policy).
     */
    public Optional<SpamCheckRequest> firstCheck(long commentId) {
        Instant now = clock.instant();
        return comments.findById(commentId)
                .filter(c -> c.getCheckState() == CheckState.WAITING && c.getCheckAttempts() == 0)
                .filter(c -> c.getNextCheckAt().map(lease -> lease.isAfter(now)).orElse(false))
                .filter(c -> akismet.isActive())
                .map(this::akismetRequest);
    }

    /** Applies Akismet's answer to a comment; see the class comment. */
    public void applyVerdict(long commentId, AkismetVerdict verdict) {
        Optional<Comment> found = comments.lockById(commentId);
        if (found.isEmpty()) {
            return;
        }
        Comment c = found.get();
        Instant now = clock.instant();
        if (c.getCheckState() != CheckState.WAITING) {
            c.record(now, SYSTEM, "check", "akismet answered after a moderator decided: " + verdict.describe());
            return;
        }
        boolean recheck = c.getCheckAttempts() > 0;
        switch (verdict.kind()) {
            case ERROR -> {
                Duration wait = backoff(c.getCheckAttempts());
                c.addVerdict(now, "akismet", Verdict.Outcome.ERROR, verdict.describe() + "; next try in " + wait.toMinutes() + " min");
                c.checkFailed(now.plus(wait));
            }
            case DISCARD -> {
                c.addVerdict(now, "akismet", Verdict.Outcome.DISCARD, verdict.describe());
                discard(c, "akismet: " + verdict.describe(), now);
            }
            case SPAM -> {
                c.addVerdict(now, "akismet", Verdict.Outcome.SPAM, verdict.describe());
                c.checkDone();
                if (c.getStatus() == CommentStatus.PENDING) {
                    c.moveTo(CommentStatus.SPAM, SYSTEM, now);
                }
            }
            case HAM -> {
                c.addVerdict(now, "akismet", Verdict.Outcome.PASS, verdict.describe() + (recheck ? " (re-check)" : ""));
                c.checkDone();
                if (c.getStatus() == CommentStatus.PENDING) {
                    settle(c, settingsStore.current(), now);
                }
            }
        }
    }

    /** Comments whose Akismet check is due (first check lost, or a retry whose time came). */
    public List<Long> dueForCheck(int limit) {
        return comments.findDueForCheck(clock.instant(), limit).stream().map(Comment::getId).toList();
    }

    /** The request as first checked, for submit-spam / submit-ham; empty if the comment is gone. */
    public Optional<SpamCheckRequest> originalRequest(long commentId) {
        return comments.findById(commentId).map(this::akismetRequest);
    }

    /** Writes the outcome of a submit-spam / submit-ham into the comment's history. */
    public void recordFeedback(long commentId, boolean spam, boolean accepted, String reason) {
        comments.lockById(commentId).ifPresent(c -> c.record(clock.instant(), SYSTEM, "akismet-feedback",
                (spam ? "submit-spam" : "submit-ham") + ": " + (accepted ? "accepted" : "not accepted (" + reason + ")")));
    }

    static Duration backoff(int attempts) {
        Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(attempts, 10));
        return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
    }

    private SpamCheckRequest akismetRequest(Comment c) {
        SpamCheckRequest.Builder b = SpamCheckRequest.builder()
                .userIp(c.getUserIp().orElse(null))
                .userAgent(c.getUserAgent().orElse(null))
                .referrer(c.getReferrer().orElse(null))
                .permalink(c.getPermalink().orElse(null))
                .commentType(c.getParentId().isPresent() ? "reply" : "comment")
                .commentAuthor(c.getSubmittedName())
                .commentAuthorEmail(c.getSubmittedEmail())
                .commentAuthorUrl(c.getSubmittedUrl().orElse(null))
                .commentContent(c.getSubmittedBody())
                .commentDateGmt(c.getCreatedAt())
                .commentPostModifiedGmt(articles.findTranslationById(c.getTranslationId())
                        .flatMap(ArticleTranslation::getPublishAt).orElse(null))
                .commentParent(c.getParentId().map(String::valueOf).orElse(null))
                .blogLang(c.getLanguage())
                .blogCharset("UTF-8")
                .honeypot(CheapChecks.HONEYPOT_FIELD, c.getHoneypotValue().orElse(""));
        return b.build();
    }

    /** HAM or no Akismet: the policy decides between APPROVED and PENDING. */
    private void settle(Comment c, CommentSettings s, Instant now) {
        announce(c, decide(c, s, now), now);
    }

    /** The policy's decision on a checked comment, written to it; returns whether it was approved. */
    private boolean decide(Comment c, CommentSettings s, Instant now) {
        c.checkDone();
        boolean approve = s.policy() == CommentSettings.Policy.AUTO_APPROVE_KNOWN && !c.isHeld()
                && comments.hasApproved(c.getSubmittedEmail());
        if (approve) {
            c.moveTo(CommentStatus.APPROVED, SYSTEM, now);
            c.record(now, SYSTEM, "policy", "approved: known author, every check passed");
        } else {
            c.record(now, SYSTEM, "policy", c.isHeld() ? "held for a moderator" : "waits for a moderator");
        }
        return approve;
    }

    /** Tells the rest of the site about a decided comment, which by now has its id. */
    private void announce(Comment c, boolean approved, Instant now) {
        if (approved) {
            events.accept(new CommentsChanged(c.getId(), c.getLanguage(), now));
        } else {
            events.accept(new NewPendingComment(c.getId()));
        }
    }

    private void discard(Comment c, String reason, Instant now) {
        comments.saveDiscard(new DiscardedComment(c, reason, now));
        comments.delete(c);
    }

    private boolean isOpen(ArticleTranslation t, CommentSettings s) {
        if (!t.getArticle().isCommentsOpen()) {
            return false;
        }
        if (s.closeAfterDays() <= 0) {
            return true;
        }
        Instant published = t.getPublishAt().orElse(t.getCreatedAt());
        return published.plus(Duration.ofDays(s.closeAfterDays())).isAfter(clock.instant());
    }

    // ---------------------------------------------------------------- moderation

    /** One page of the queue for a status, with the filters. */
    public Paged<QueueRow> queue(String actor, CommentQuery query, int page, int size) {
        requireModerator(actor);
        long total = comments.count(query);
        int p = Math.max(1, Math.min(page, Paged.pages(total, size)));
        List<Comment> found = comments.find(query, (p - 1) * size, size);
        Map<Long, ArticleTranslation> titles = new HashMap<>();
        List<QueueRow> rows = found.stream().map(c -> row(c, titles)).toList();
        return new Paged<>(rows, p, Paged.pages(total, size), total);
    }

    /** How many comments each status has. */
    public Map<CommentStatus, Long> counts() {
        return comments.countByStatus();
    }

    /** A comment with its verdicts and history. */
    public Optional<CommentDetail> detail(String actor, long id) {
        requireModerator(actor);
        return comments.findById(id).map(c -> new CommentDetail(row(c, new HashMap<>()), c.getAuthorName(),
                c.getAuthorEmail(), c.getAuthorUrl().orElse(""), c.getBody(), c.getSubmittedName(),
                c.getSubmittedEmail(), c.getSubmittedUrl().orElse(""), c.getSubmittedBody(),
                c.getUserAgent().orElse(""), c.getReferrer().orElse(""), c.getPermalink().orElse(""),
                List.copyOf(c.getVerdicts()), List.copyOf(c.getHistory())));
    }

    /** Applies one action to several comments; returns how many changed. */
    public int moderate(String actor, ModerationAction action, Collection<Long> ids) {
        requireModerator(actor);
        Instant now = clock.instant();
        int changed = 0;
        for (Comment c : comments.lockByIds(ids)) {
            boolean wasVisible = c.getStatus() == CommentStatus.APPROVED;
            CommentStatus before = c.getStatus();
            boolean did;
            switch (action) {
                case APPROVE -> did = c.moveTo(CommentStatus.APPROVED, actor, now);
                case UNAPPROVE, NOT_SPAM -> did = c.moveTo(CommentStatus.PENDING, actor, now);
                case SPAM -> did = c.moveTo(CommentStatus.SPAM, actor, now);
                case TRASH -> did = c.moveTo(CommentStatus.TRASH, actor, now);
                case DELETE -> {
                    comments.delete(c);
                    did = true;
                }
                default -> throw new IllegalArgumentException(String.valueOf(action));
            }
            if (!did) {
                continue;
            }
            changed++;
            if (action != ModerationAction.DELETE && c.getCheckState() == CheckState.WAITING) {
                c.record(now, actor, "check", "akismet check cancelled: a moderator decided");
                c.checkDone();
            }
            if (action == ModerationAction.SPAM && !c.isStaff() && akismet.isActive()) {
                events.accept(new FeedbackRequested(c.getId(), true));
            }
            if (action == ModerationAction.NOT_SPAM && before == CommentStatus.SPAM && !c.isStaff() && akismet.isActive()) {
                events.accept(new FeedbackRequested(c.getId(), false));
            }
            boolean visible = action != ModerationAction.DELETE && c.getStatus() == CommentStatus.APPROVED;
            if (wasVisible || visible) {
                events.accept(new CommentsChanged(c.getId(), c.getLanguage(), now));
            }
            events.accept(new AuditEvent(actor, "comment." + action.name().toLowerCase().replace('_', '-'),
                    "comment:" + c.getId(), before + (action == ModerationAction.DELETE ? " -> deleted" : " -> " + c.getStatus())));
        }
        return changed;
    }

    /** Applies one action to every comment the query finds (at most 2000); returns how many changed. */
    public int moderateAll(String actor, ModerationAction action, CommentQuery query) {
        requireModerator(actor);
        List<Long> ids = comments.find(query, 0, 2000).stream().map(Comment::getId).toList();
        return moderate(actor, action, ids);
    }

    /** A moderator's edit of a comment's visible fields; returns field errors (nothing saved when any). */
    public Map<String, String> edit(String actor, long id, String name, String email, String url, String body) {
        requireModerator(actor);
        Map<String, String> errors = validate(name, email, url, body);
        if (!errors.isEmpty()) {
            return errors;
        }
        Comment c = comments.lockById(id).orElseThrow(() -> new ModerationRefused("moderation.notFound"));
        Instant now = clock.instant();
        c.edit(name.strip(), email.strip(), blankToNull(url), body.strip(), actor, now);
        if (c.getStatus() == CommentStatus.APPROVED) {
            events.accept(new CommentsChanged(c.getId(), c.getLanguage(), now));
        }
        events.accept(new AuditEvent(actor, "comment.edit", "comment:" + id, ""));
        return errors;
    }

    /** A staff reply, published at once under the staff member's name; returns its id. */
    public long reply(String actor, long parentId, String body) {
        User user = requireModerator(actor);
        if (body == null || body.isBlank() || body.strip().length() > Comment.BODY_MAX) {
            throw new ModerationRefused("comments.error.body");
        }
        Comment parent = comments.findById(parentId).orElseThrow(() -> new ModerationRefused("moderation.notFound"));
        CommentSettings s = settingsStore.current();
        Long attachTo = parent.getId();
        int depth = parent.getDepth() + 1;
        if (parent.getDepth() >= s.maxDepth()) {
            attachTo = parent.getParentId().orElse(null);
            depth = parent.getDepth();
        }
        Instant now = clock.instant();
        Comment c = new Comment(new Comment.Submission(parent.getArticleId(), parent.getTranslationId(), parent.getLanguage(),
                attachTo, depth, user.getName(), user.getEmail(), null, body.strip(), null, null, null,
                parent.getPermalink().orElse(null), null), true, actor, now);
        comments.save(c);
        c.moveTo(CommentStatus.APPROVED, actor, now);
        if (parent.getStatus() != CommentStatus.APPROVED) {
            parent.moveTo(CommentStatus.APPROVED, actor, now);
            events.accept(new AuditEvent(actor, "comment.approve", "comment:" + parent.getId(), "approved by replying"));
        }
        events.accept(new CommentsChanged(c.getId(), c.getLanguage(), now));
        events.accept(new AuditEvent(actor, "comment.reply", "comment:" + c.getId(), "reply to comment:" + parentId));
        return c.getId();
    }

    /** Deletes spam older than the setting and discard-log entries older than 15 days; returns both counts. */
    public int[] purge() {
        Instant now = clock.instant();
        CommentSettings s = settingsStore.current();
        int spam = comments.deleteWithStatusBefore(CommentStatus.SPAM, now.minus(Duration.ofDays(s.spamPurgeDays())));
        int discards = comments.purgeDiscardsBefore(now.minus(DISCARD_LOG_AGE));
        return new int[] {spam, discards};
    }

    /** The newest entries of the discard log. */
    public List<DiscardedComment> discardLog(String actor, int limit) {
        requireModerator(actor);
        return comments.recentDiscards(limit);
    }

    /** Pending comments, checked, that moderators were not told about yet (for their e-mail). */
    public List<QueueRow> unnotified(int limit) {
        Map<Long, ArticleTranslation> titles = new HashMap<>();
        return comments.findPendingNotNotified(limit).stream().map(c -> row(c, titles)).toList();
    }

    /** Records that moderators were told about these comments. */
    public void markNotified(Collection<Long> ids) {
        Instant now = clock.instant();
        for (Comment c : comments.lockByIds(ids)) {
            c.markNotified();
            c.record(now, SYSTEM, "notified", "moderators were e-mailed");
        }
    }

    /** The e-mail addresses of the active users who moderate comments. */
    public List<String> moderatorEmails() {
        return users.findAll().stream().filter(User::isActive)
                .filter(u -> u.getRoles().stream().anyMatch(MODERATORS::contains)).map(User::getEmail).toList();
    }

    public long pendingCount() {
        return comments.countByStatus().getOrDefault(CommentStatus.PENDING, 0L);
    }

    /** Comments created per day, optionally only those that have a status now. */
    public Map<LocalDate, Long> perDay(LocalDate first, LocalDate last, Optional<CommentStatus> status) {
        return comments.countPerDay(first.atStartOfDay().toInstant(ZoneOffset.UTC),
                last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), status);
    }

    private User requireModerator(String actor) {
        return users.findByEmail(actor == null ? "" : actor).filter(User::isActive)
                .filter(u -> u.getRoles().stream().anyMatch(MODERATORS::contains))
                .orElseThrow(() -> new ModerationRefused("moderation.forbidden"));
    }

    private QueueRow row(Comment c, Map<Long, ArticleTranslation> cache) {
        ArticleTranslation t = cache.computeIfAbsent(c.getTranslationId(), id -> articles.findTranslationById(id).orElse(null));
        String checks = c.getVerdicts().stream().map(v -> v.getCheck() + " " + v.getOutcome())
                .collect(Collectors.joining(" · "));
        return new QueueRow(c.getId(), c.getLanguage(), c.getArticleId(), t == null ? "" : t.getTitle(),
                t == null ? "" : t.getSlug(), c.getAuthorName(), c.getAuthorEmail(),
                c.getAuthorUrl().flatMap(PlainText::safeUrl).orElse(null), PlainText.toHtml(c.getBody()), c.getStatus(),
                c.getCreatedAt(), c.getUserIp().orElse(""), c.isStaff(), c.isHeld(), checks,
                c.getCheckState() == CheckState.WAITING, c.getParentId().orElse(null));
    }

    /** Orders comments as a thread: each reply right after its parent (and its earlier replies). */
    static List<CommentItem> thread(List<Comment> all) {
        Map<Long, List<Comment>> children = new LinkedHashMap<>();
        Set<Long> ids = all.stream().map(Comment::getId).collect(Collectors.toSet());
        List<Comment> roots = new ArrayList<>();
        all.stream().sorted((a, b) -> a.getCreatedAt().compareTo(b.getCreatedAt()) != 0
                ? a.getCreatedAt().compareTo(b.getCreatedAt()) : Long.compare(a.getId(), b.getId())).forEach(c -> {
            Long p = c.getParentId().orElse(null);
            if (p == null || !ids.contains(p)) {
                roots.add(c);
            } else {
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(c);
            }
        });
        List<CommentItem> out = new ArrayList<>();
        for (Comment r : roots) {
            walk(r, 1, children, out);
        }
        return out;
    }

    private static void walk(Comment c, int depth, Map<Long, List<Comment>> children, List<CommentItem> out) {
        out.add(new CommentItem(c.getId(), c.getParentId().orElse(null), depth, c.getAuthorName(),
                c.getAuthorUrl().flatMap(PlainText::safeUrl).orElse(null), PlainText.toHtml(c.getBody()), c.getCreatedAt(),
                c.isStaff(), c.getStatus() == CommentStatus.PENDING));
        for (Comment child : children.getOrDefault(c.getId(), List.of())) {
            walk(child, depth + 1, children, out);
        }
    }

    /** NUL characters cannot be stored by PostgreSQL and mean nothing in a comment: they are dropped. */
    private static PostInput withoutNul(PostInput in) {
        return new PostInput(in.translationId(), in.parentId(), noNul(in.name()), noNul(in.email()), noNul(in.url()),
                noNul(in.body()), noNul(in.honeypot()), in.formShownAt(), noNul(in.ip()), noNul(in.userAgent()),
                noNul(in.referrer()));
    }

    private static String noNul(String s) {
        return s == null ? null : s.replace("\u0000", "");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
