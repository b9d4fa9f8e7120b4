package org.scriptorium.comments.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.scriptorium.comments.domain.Verdict;

/**
 * The checks that cost nothing and run, on the stored comment, before the reader gets an answer: the honeypot
 * (a field people do not see), the time trap (a form posted quicker than anyone types), flood control (another
 * comment from the same address or e-mail within the interval; {@link CommentService} looks that up in the
 * stored comments), the link count and the blocklists of words, addresses and e-mails. Each yields a
 * {@link Verdict} with its reason.
 */
public final class CheapChecks {

    /** The honeypot field's name in the form (also sent to Akismet as {@code honeypot_field_name}). */
    public static final String HONEYPOT_FIELD = "website2";

    private CheapChecks() {
    }

    /** One check's result before it is attached to a comment. */
    public record Result(String check, Verdict.Outcome outcome, String reason) {
    }

    /**
     * Runs every cheap check; the list holds one result per check, in order.
     *
     * @param recentFromSender whether the same address or e-mail posted another comment within the flood interval
     */
    public static List<Result> run(CommentSettings settings, String name, String email, String url, String body,
                                   String ip, String honeypot, Duration fillTime, boolean recentFromSender) {
        List<Result> results = new ArrayList<>();
        results.add(honeypot != null && !honeypot.isEmpty()
                ? new Result("honeypot", Verdict.Outcome.DISCARD, "the hidden field was filled in")
                : new Result("honeypot", Verdict.Outcome.PASS, "empty"));
        long seconds = fillTime == null ? -1 : fillTime.toSeconds();
        if (fillTime == null) {
            results.add(new Result("time-trap", Verdict.Outcome.HOLD, "the form's time could not be read"));
        } else if (seconds < settings.minFillSeconds()) {
            results.add(new Result("time-trap", Verdict.Outcome.SPAM, "posted " + fillTime.toMillis()
                    + " ms after the form was shown (minimum " + settings.minFillSeconds() + " s)"));
        } else {
            results.add(new Result("time-trap", Verdict.Outcome.PASS, "filled in " + seconds + " s"));
        }
        if (settings.floodSeconds() <= 0) {
            results.add(new Result("flood", Verdict.Outcome.PASS, "no interval set"));
        } else if (recentFromSender) {
            results.add(new Result("flood", Verdict.Outcome.SPAM, "another comment from this address or e-mail less than "
                    + settings.floodSeconds() + " s before"));
        } else {
            results.add(new Result("flood", Verdict.Outcome.PASS, "no other comment from this address or e-mail in the last "
                    + settings.floodSeconds() + " s"));
        }
        int links = PlainText.countLinks(body) + PlainText.countLinks(name);
        results.add(links > settings.maxLinks()
                ? new Result("links", Verdict.Outcome.HOLD, links + " links (more than " + settings.maxLinks() + ")")
                : new Result("links", Verdict.Outcome.PASS, links + " links"));
        results.add(blocklist(settings, name, email, url, body, ip));
        return results;
    }

    private static Result blocklist(CommentSettings s, String name, String email, String url, String body, String ip) {
        String mail = email == null ? "" : email.toLowerCase(Locale.ROOT);
        if (!mail.isEmpty() && s.blockedEmails().contains(mail)) {
            return new Result("blocklist", Verdict.Outcome.SPAM, "blocked e-mail " + mail);
        }
        if (ip != null && s.blockedIps().stream().anyMatch(b -> ip.equals(b) || b.endsWith(".") && ip.startsWith(b)
                || b.endsWith("*") && ip.startsWith(b.substring(0, b.length() - 1)))) {
            return new Result("blocklist", Verdict.Outcome.SPAM, "blocked address " + ip);
        }
        String all = String.join("\n", nz(name), mail, nz(url), nz(body)).toLowerCase(Locale.ROOT);
        for (String word : s.blockedWords()) {
            if (all.contains(word)) {
                return new Result("blocklist", Verdict.Outcome.SPAM, "blocked word \"" + word + "\"");
            }
        }
        return new Result("blocklist", Verdict.Outcome.PASS, "nothing blocked");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
