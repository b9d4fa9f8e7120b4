package org.scriptorium.web.backoffice;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.scriptorium.submissions.application.SubmissionReview;
import org.scriptorium.submissions.domain.SubmissionStatus;

/**
 * The submissions queue at {@code /backoffice/submissions}: counts per status, a status and text filter in
 * the query string (bookmarkable), newest first, 30 a page.
 */
@Named
@RequestScoped
public class SubmissionsPage {

    static final int PAGE_SIZE = 30;

    @Inject
    private SubmissionReview review;

    @Inject
    private HttpServletRequest request;

    private String status;
    private String text;
    private int page;
    private List<SubmissionReview.Row> rows;
    private long total;

    @PostConstruct
    void load() {
        status = param("status");
        text = param("q");
        try {
            page = Math.max(1, Integer.parseInt(param("page")));
        } catch (NumberFormatException e) {
            page = 1;
        }
        Optional<SubmissionStatus> filter = Arrays.stream(SubmissionStatus.values()).filter(s -> s.name().equals(status))
                .findFirst();
        Optional<String> q = Optional.of(text).filter(s -> !s.isBlank());
        rows = review.queue(filter, q, page, PAGE_SIZE);
        total = review.total(filter, q);
    }

    private String param(String name) {
        String v = request.getParameter(name);
        return v == null ? "" : v.strip();
    }

    public List<SubmissionReview.Row> getRows() {
        return rows;
    }

    public Map<SubmissionStatus, Long> getCounts() {
        return review.counts();
    }

    public long getNewCount() {
        return getCounts().getOrDefault(SubmissionStatus.NEW, 0L);
    }

    public List<SubmissionStatus> getStatuses() {
        return List.of(SubmissionStatus.values());
    }

    public long getTotal() {
        return total;
    }

    public String getStatus() {
        return status;
    }

    public String getText() {
        return text;
    }

    public int getPage() {
        return page;
    }

    public boolean isHasNext() {
        return (long) page * PAGE_SIZE < total;
    }
}
