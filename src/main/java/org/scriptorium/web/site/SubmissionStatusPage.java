package org.scriptorium.web.site;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.scriptorium.submissions.application.SubmissionIntake;
import org.scriptorium.submissions.domain.SubmissionStatus;
import org.scriptorium.web.common.Texts;

/**
 * The private status page of a submission at {@code /{lang}/submit/status/{token}}: the router found the
 * submission by its token; this shows its status and the editors' message. Also the confirmation page, with
 * {@code ?received} right after sending.
 */
@Named
@RequestScoped
public class SubmissionStatusPage {

    /** Request attribute in which the router puts the {@link SubmissionIntake.StatusView}. */
    public static final String ATTRIBUTE = "scriptorium.submission";

    @Inject
    private HttpServletRequest request;

    @Inject
    private Texts texts;

    public SubmissionIntake.StatusView getSubmission() {
        return (SubmissionIntake.StatusView) request.getAttribute(ATTRIBUTE);
    }

    public boolean isJustReceived() {
        return request.getParameter("received") != null;
    }

    public String getStatusLabel() {
        return Optional.ofNullable(getSubmission()).map(s -> label(s.status())).orElse("");
    }

    private String label(SubmissionStatus status) {
        return switch (status) {
            case NEW, SPAM -> texts.get("submitStatus.received");
            case IN_REVIEW -> texts.get("submitStatus.inReview");
            case ACCEPTED -> texts.get("submitStatus.accepted");
            case DECLINED -> texts.get("submitStatus.declined");
        };
    }
}
