package org.scriptorium.submissions.application;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.i18n.application.UiTexts;
import org.scriptorium.mail.application.Mailer;
import org.scriptorium.mail.domain.EmailAddress;
import org.scriptorium.mail.domain.MailDeliveryException;
import org.scriptorium.platform.config.Settings;
import org.scriptorium.submissions.domain.Submission;
import org.scriptorium.submissions.domain.SubmissionRepository;
import org.scriptorium.submissions.domain.SubmissionStatus;
import org.scriptorium.submissions.domain.SubmissionStatusChanged;

/**
 * E-mails the submitter, in the language of their story, once a status change is committed: a confirmation
 * with the private status link when the story arrives, and the new status with the editors' message when it
 * goes into review, is accepted or declined. Spam is never answered. A failed delivery is logged and does not
 * undo the change: the status page always shows the truth.
 */
@ApplicationScoped
public class SubmissionNotices {

    private static final Logger LOG = Logger.getLogger(SubmissionNotices.class.getName());

    private SubmissionRepository submissions;
    private Mailer mailer;
    private UiTexts texts;
    private String baseUrl;

    protected SubmissionNotices() {
    }

    @Inject
    public SubmissionNotices(SubmissionRepository submissions, Mailer mailer, UiTexts texts, Settings settings) {
        this(submissions, mailer, texts, settings.baseUrl());
    }

    public SubmissionNotices(SubmissionRepository submissions, Mailer mailer, UiTexts texts, String baseUrl) {
        this.submissions = submissions;
        this.mailer = mailer;
        this.texts = texts;
        this.baseUrl = baseUrl;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) SubmissionStatusChanged change) {
        Submission s = submissions.findById(change.submissionId()).orElse(null);
        if (s == null || change.to() == SubmissionStatus.SPAM || change.to() == SubmissionStatus.NEW && change.from() != null) {
            return;
        }
        String lang = s.getLanguage();
        String link = baseUrl + "/" + lang + "/submit/status/" + s.getStatusToken();
        try {
            EmailAddress to = EmailAddress.of(s.getEmail());
            if (change.from() == null) {
                mailer.send("submission-received", lang, to, Map.of("name", s.getAuthorName(), "title", s.getTitle(),
                        "link", link), Map.of());
            } else {
                mailer.send("submission-status", lang, to, Map.of("name", s.getAuthorName(), "title", s.getTitle(),
                        "status", label(lang, change.to()), "message", s.getEditorMessage().orElse(""), "link", link),
                        Map.of());
            }
        } catch (MailDeliveryException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not e-mail the submitter of submission " + s.getId() + ": " + e.getMessage());
        }
    }

    private String label(String lang, SubmissionStatus status) {
        return switch (status) {
            case IN_REVIEW -> texts.msg(lang, "submitStatus.inReview");
            case ACCEPTED -> texts.msg(lang, "submitStatus.accepted");
            case DECLINED -> texts.msg(lang, "submitStatus.declined");
            default -> texts.msg(lang, "submitStatus.received");
        };
    }
}
