package org.scriptorium.submissions.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stores and finds submissions. */
public interface SubmissionRepository {

    Submission save(Submission submission);

    Optional<Submission> findById(long id);

    Optional<Submission> findByToken(String token);

    /** The queue: newest first, optionally one status and a text in title, author or e-mail. */
    List<Submission> list(Optional<SubmissionStatus> status, Optional<String> text, int offset, int limit);

    long count(Optional<SubmissionStatus> status, Optional<String> text);

    /** How many submissions each status has. */
    Map<SubmissionStatus, Long> countByStatus();

    long countFromAddressSince(String clientIp, Instant since);

    long countFromEmailSince(String email, Instant since);
}
