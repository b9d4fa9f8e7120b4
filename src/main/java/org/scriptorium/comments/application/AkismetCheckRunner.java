package org.scriptorium.comments.application;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.scriptorium.comments.domain.CommentStored;
import org.scriptorium.comments.domain.FeedbackRequested;
import org.scriptorium.spam.application.AkismetGateway;
import org.scriptorium.spam.domain.AkismetVerdict;
import org.scriptorium.spam.domain.FeedbackReceipt;
import org.scriptorium.spam.domain.SpamCheckRequest;

/**
 * Talks to Akismet off the reader's request. After a comment's transaction commits, its check runs on the
 * container's managed executor: one short transaction prepares the request, the HTTP call runs outside
 * any transaction (it may take the whole read timeout), a second transaction applies the verdict. The same
 * path serves the re-checks the timer finds due ({@link #checkDue()}) and the spam / not-spam feedback that
 * moderators trigger. If the executor refuses work, or the process dies before the check, nothing is lost:
 * the comment's next-check time is in the database and the timer picks it up.
 */
@ApplicationScoped
public class AkismetCheckRunner {

    private static final Logger LOG = Logger.getLogger(AkismetCheckRunner.class.getName());
    private static final int DUE_BATCH = 50;

    @Resource
    private ManagedExecutorService managedExecutor;

    private ExecutorService executor;
    private CommentService comments;
    private AkismetGateway akismet;

    protected AkismetCheckRunner() {
    }

    @Inject
    public AkismetCheckRunner(CommentService comments, AkismetGateway akismet) {
        this.comments = comments;
        this.akismet = akismet;
    }

    /** Outside the container: runs the work on the given executor. */
    public AkismetCheckRunner(CommentService comments, AkismetGateway akismet, ExecutorService executor) {
        this(comments, akismet);
        this.executor = executor;
    }

    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentStored event) {
        submit(() -> firstCheck(event.commentId()));
    }

    void onFeedback(@Observes(during = TransactionPhase.AFTER_SUCCESS) FeedbackRequested event) {
        submit(() -> feedback(event.commentId(), event.spam()));
    }

    /** Checks one comment now, on the calling thread. */
    public void check(long commentId) {
        try {
            Optional<SpamCheckRequest> request = comments.prepareCheck(commentId);
            if (request.isEmpty()) {
                return;
            }
            AkismetVerdict verdict = akismet.client().commentCheck(request.get());
            comments.applyVerdict(commentId, verdict);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Akismet check of comment " + commentId + " failed; the timer retries it", e);
        }
    }

    /**
     * The first check of a comment just stored: its request is read without a lock or a write (the post
     * leased the check), so only the verdict is written; when the lease ran out meanwhile, the ordinary
     * {@link #check} path runs instead.
     */
    public void firstCheck(long commentId) {
        try {
            Optional<SpamCheckRequest> request = comments.firstCheck(commentId);
            if (request.isEmpty()) {
                check(commentId);
                return;
            }
            AkismetVerdict verdict = akismet.client().commentCheck(request.get());
            comments.applyVerdict(commentId, verdict);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Akismet check of comment " + commentId + " failed; the timer retries it", e);
        }
    }

    /** Sends submit-spam or submit-ham for a comment now, on the calling thread. */
    public void feedback(long commentId, boolean spam) {
        try {
            Optional<SpamCheckRequest> request = comments.originalRequest(commentId);
            if (request.isEmpty() || !akismet.isActive()) {
                return;
            }
            FeedbackReceipt receipt = spam ? akismet.client().submitSpam(request.get())
                    : akismet.client().submitHam(request.get());
            comments.recordFeedback(commentId, spam, receipt.accepted(), receipt.reasonText().orElse(""));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Akismet feedback for comment " + commentId + " failed", e);
        }
    }

    /** Starts the checks whose time has come; returns how many were started. */
    public int checkDue() {
        List<Long> due = comments.dueForCheck(DUE_BATCH);
        due.forEach(id -> submit(() -> check(id)));
        return due.size();
    }

    /** Verifies the key in the background (at start, so that deployment never waits on Akismet). */
    public void verifyInBackground() {
        submit(() -> {
            if (akismet.hasKey()) {
                akismet.verify();
            }
        });
    }

    private void submit(Runnable work) {
        ExecutorService e = executor != null ? executor : managedExecutor;
        try {
            e.submit(work);
        } catch (RejectedExecutionException | NullPointerException refused) {
            LOG.log(Level.WARNING, "No executor for Akismet work now; the timer will pick it up", refused);
        }
    }
}
