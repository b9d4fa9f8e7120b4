package org.scriptorium.comments.application;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The comment feature's settings as administrators set them on {@code /backoffice/comments/settings}.
 *
 * @param policy            who is published without a moderator
 * @param floodSeconds      least time between two comments from one address or one e-mail (0: no limit)
 * @param minFillSeconds    least time between showing the form and posting it; quicker posts are spam
 * @param maxLinks          more links than this hold a comment for a moderator
 * @param blockedWords      words (case-insensitive) that make a comment spam
 * @param blockedIps        addresses whose comments are spam
 * @param blockedEmails     e-mails whose comments are spam
 * @param maxDepth          deepest reply level (1: no replies)
 * @param closeAfterDays    comments close this many days after publication (0: never)
 * @param spamPurgeDays     spam older than this is deleted
 * @param notification      how moderators hear of new pending comments
 * @param akismetKey        a key entered on the page; empty: the one from {@code SCRIPTORIUM_AKISMET_KEY}
 * @param akismetEndpoint   an endpoint entered on the page; empty: the configured one
 */
public record CommentSettings(Policy policy, int floodSeconds, int minFillSeconds, int maxLinks,
                              List<String> blockedWords, List<String> blockedIps, List<String> blockedEmails,
                              int maxDepth, int closeAfterDays, int spamPurgeDays, Notification notification,
                              String akismetKey, String akismetEndpoint) {

    /** Who is published without waiting for a moderator. */
    public enum Policy {
        /** Every comment waits for a moderator. */
        MODERATE_ALL,
        /** Authors with an approved comment are published when every check passes. */
        AUTO_APPROVE_KNOWN
    }

    /** How moderators are told about new pending comments. */
    public enum Notification {
        /** One e-mail per comment. */
        IMMEDIATE,
        /** One e-mail a day listing the new ones. */
        DIGEST,
        /** No e-mail. */
        OFF
    }

    /** The defaults: everything moderated, 15 s flood interval, 2 links, depth 3, spam kept 15 days. */
    public static CommentSettings defaults() {
        return new CommentSettings(Policy.MODERATE_ALL, 15, 3, 2, List.of(), List.of(), List.of(), 3, 0, 15,
                Notification.IMMEDIATE, "", "");
    }

    public CommentSettings {
        blockedWords = List.copyOf(blockedWords);
        blockedIps = List.copyOf(blockedIps);
        blockedEmails = List.copyOf(blockedEmails);
        akismetKey = akismetKey == null ? "" : akismetKey.strip();
        akismetEndpoint = akismetEndpoint == null ? "" : akismetEndpoint.strip();
    }

    /** Splits a text area's lines (or commas) into trimmed, non-empty, lower-case entries. */
    public static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[\\r\\n,]+")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    public Optional<String> akismetKeyOverride() {
        return Optional.of(akismetKey).filter(s -> !s.isEmpty());
    }

    public Optional<String> akismetEndpointOverride() {
        return Optional.of(akismetEndpoint).filter(s -> !s.isEmpty());
    }
}
