package org.scriptorium.submissions.application;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.platform.dashboard.DashboardFigure;
import org.scriptorium.submissions.domain.SubmissionRepository;
import org.scriptorium.submissions.domain.SubmissionStatus;

/** The dashboard's count of submissions nobody has looked at yet. */
@ApplicationScoped
public class NewSubmissionsFigure implements DashboardFigure {

    @Inject
    private SubmissionRepository submissions;

    @Override
    public String labelKey() {
        return "dashboard.newSubmissions";
    }

    @Override
    @Transactional
    public long value() {
        return submissions.count(Optional.of(SubmissionStatus.NEW), Optional.empty());
    }

    @Override
    public String link() {
        return "/backoffice/submissions?status=NEW";
    }

    @Override
    public int order() {
        return 40;
    }
}
