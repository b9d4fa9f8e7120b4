package org.scriptorium.web.backoffice;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.scriptorium.submissions.domain.SubmissionStatus;
import org.scriptorium.web.common.Texts;

/** The names of submission statuses and spam-check results in the user's language, for the back-office pages. */
@Named
@RequestScoped
public class SubmissionLabels {

    @Inject
    private Texts texts;

    public String status(SubmissionStatus status) {
        return switch (status) {
            case NEW -> texts.get("submissions.status.new");
            case IN_REVIEW -> texts.get("submissions.status.inReview");
            case ACCEPTED -> texts.get("submissions.status.accepted");
            case DECLINED -> texts.get("submissions.status.declined");
            case SPAM -> texts.get("submissions.status.spam");
        };
    }

    public String spamCheck(String check) {
        return switch (check) {
            case "HAM" -> texts.get("submissions.check.ham");
            case "SPAM" -> texts.get("submissions.check.spam");
            case "HELD" -> texts.get("submissions.check.held");
            case "OFF" -> texts.get("submissions.check.off");
            default -> texts.get("submissions.check.pending");
        };
    }
}
