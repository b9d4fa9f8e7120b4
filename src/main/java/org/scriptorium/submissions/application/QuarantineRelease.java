package org.scriptorium.submissions.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.scriptorium.submissions.domain.SubmissionStatus;
import org.scriptorium.submissions.domain.SubmissionStatusChanged;

/**
 * Completes the move of an accepted story's pictures into the media library: once the acceptance has
 * committed (the media items and the draft exist), the quarantine copies are deleted. After a rollback
 * nothing happens, so the pictures are never lost between the two places.
 */
@ApplicationScoped
public class QuarantineRelease {

    private UploadArea uploads;

    protected QuarantineRelease() {
    }

    @Inject
    public QuarantineRelease(UploadArea uploads) {
        this.uploads = uploads;
    }

    public void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) SubmissionStatusChanged change) {
        if (change.to() == SubmissionStatus.ACCEPTED) {
            uploads.removeQuarantine(change.submissionId());
        }
    }
}
