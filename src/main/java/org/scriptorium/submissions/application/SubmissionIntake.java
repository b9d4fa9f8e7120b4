package org.scriptorium.submissions.application;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.content.application.EditorialService;
import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.media.application.ImageSniffer;
import org.scriptorium.media.application.MediaException;
import org.scriptorium.media.application.MediaService;
import org.scriptorium.platform.consent.ConsentGiven;
import org.scriptorium.settings.application.SiteSettings;
import org.scriptorium.spam.application.AkismetGateway;
import org.scriptorium.spam.domain.AkismetVerdict;
import org.scriptorium.spam.domain.SpamCheckRequest;
import org.scriptorium.submissions.domain.SpamCheck;
import org.scriptorium.submissions.domain.Submission;
import org.scriptorium.submissions.domain.SubmissionRepository;
import org.scriptorium.submissions.domain.SubmissionStatus;
import org.scriptorium.submissions.domain.SubmissionStatusChanged;

/**
 * The public side of submissions: keeps the pictures a reader chooses, checks and stores what they send, runs
 * the spam check, and shows them the status behind their private link.
 *
 * <p>Defences, in order: the form's signed start stamp must be at least {@link #MIN_FILL_SECONDS} seconds old
 * (a refusal keeps everything typed); at most {@link #PER_ADDRESS_PER_HOUR} submissions an hour from one
 * address and {@link #PER_EMAIL_PER_DAY} a day from one e-mail address; a filled honeypot stores the
 * submission straight in the spam folder; then Akismet ({@code comment_type=blog-post}, {@code blog_lang} the
 * story's language) runs after the submission is stored, so an Akismet failure only holds it for review and
 * never loses it. Each limit is a site setting.
 */
@ApplicationScoped
public class SubmissionIntake {

    public static final String MIN_FILL_SECONDS = "submissions.minFillSeconds";
    public static final String PER_ADDRESS_PER_HOUR = "submissions.perAddressPerHour";
    public static final String PER_EMAIL_PER_DAY = "submissions.perEmailPerDay";
    public static final String IMAGE_MAX_BYTES = "submissions.imageMaxBytes";
    static final String SECRET = "submissions.secret";
    /** The version of the consent text the form shows. */
    public static final String CONSENT_VERSION = "submission-terms-1";
    /** Akismet's {@code comment_type} for a submitted story. */
    public static final String AKISMET_TYPE = "blog-post";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]+\\.[^@\\s<>\"]{2,}");

    private SubmissionRepository submissions;
    private UploadArea uploads;
    private SiteSettings settings;
    private LanguageService languages;
    private EditorialService editorial;
    private AkismetGateway akismet;
    private Consumer<Object> events;
    private Clock clock;
    private String baseUrl;

    protected SubmissionIntake() {
    }

    @Inject
    public SubmissionIntake(SubmissionRepository submissions, UploadArea uploads, SiteSettings settings,
                            LanguageService languages, EditorialService editorial, AkismetGateway akismet,
                            Event<Object> events, Clock clock, org.scriptorium.platform.config.Settings config) {
        this(submissions, uploads, settings, languages, editorial, akismet, events::fire, clock, config.baseUrl());
    }

    public SubmissionIntake(SubmissionRepository submissions, UploadArea uploads, SiteSettings settings,
                            LanguageService languages, EditorialService editorial, AkismetGateway akismet,
                            Consumer<Object> events, Clock clock, String baseUrl) {
        this.submissions = submissions;
        this.uploads = uploads;
        this.settings = settings;
        this.languages = languages;
        this.editorial = editorial;
        this.akismet = akismet;
        this.events = events;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** The stamp a new form carries: when it was shown, signed so that it cannot be back-dated. */
    @Transactional
    public String startStamp() {
        String millis = String.valueOf(clock.millis());
        return millis + "-" + sign(millis);
    }

    /** The limits administrators may change at {@code /backoffice/submissions-settings}. */
    public record Limits(long imageMaxKilobytes, long minFillSeconds, long perAddressPerHour, long perEmailPerDay) {
    }

    @Transactional
    public Limits limits() {
        return new Limits(imageMaxBytes() / 1024, setting(MIN_FILL_SECONDS, 3), setting(PER_ADDRESS_PER_HOUR, 5),
                setting(PER_EMAIL_PER_DAY, 3));
    }

    /**
     * Stores new limits.
     *
     * @throws IllegalArgumentException when a value is out of range (image 1..51200 KB, others 0..1000)
     */
    @Transactional
    public void changeLimits(String actor, Limits limits) {
        if (limits.imageMaxKilobytes() < 1 || limits.imageMaxKilobytes() > 51200 || limits.minFillSeconds() < 0
                || limits.minFillSeconds() > 1000 || limits.perAddressPerHour() < 0 || limits.perAddressPerHour() > 1000
                || limits.perEmailPerDay() < 0 || limits.perEmailPerDay() > 1000) {
            throw new IllegalArgumentException("limits out of range");
        }
        settings.put(IMAGE_MAX_BYTES, String.valueOf(limits.imageMaxKilobytes() * 1024));
        settings.put(MIN_FILL_SECONDS, String.valueOf(limits.minFillSeconds()));
        settings.put(PER_ADDRESS_PER_HOUR, String.valueOf(limits.perAddressPerHour()));
        settings.put(PER_EMAIL_PER_DAY, String.valueOf(limits.perEmailPerDay()));
        events.accept(new org.scriptorium.platform.audit.AuditEvent(actor, "submission.settings", "settings:submissions",
                limits.toString()));
    }

    public long imageMaxBytes() {
        return setting(IMAGE_MAX_BYTES, MediaService.DEFAULT_MAX_BYTES);
    }

    /**
     * Checks one chosen picture and keeps it for the form.
     *
     * @throws SubmissionException IMAGE_TOO_LARGE or IMAGE_NOT_AN_IMAGE, with the slot's field name
     */
    public UploadArea.Kept keepImage(String uploadToken, int slot, String originalName, InputStream content) {
        String field = "image" + slot;
        if (!UploadArea.isToken(uploadToken) || slot < 1 || slot > UploadArea.SLOTS) {
            throw new SubmissionException(SubmissionException.Reason.IMAGE_NOT_AN_IMAGE, field);
        }
        byte[] bytes;
        try {
            bytes = MediaService.readLimited(content, imageMaxBytes());
        } catch (MediaException e) {
            throw new SubmissionException(e.reason() == MediaException.Reason.TOO_LARGE
                    ? SubmissionException.Reason.IMAGE_TOO_LARGE : SubmissionException.Reason.IMAGE_NOT_AN_IMAGE, field);
        }
        ImageSniffer.Sniffed sniffed = ImageSniffer.sniff(bytes)
                .orElseThrow(() -> new SubmissionException(SubmissionException.Reason.IMAGE_NOT_AN_IMAGE, field));
        String name = originalName == null || originalName.isBlank() ? "image" : originalName.strip();
        return uploads.keep(uploadToken, slot, name.length() > 200 ? name.substring(0, 200) : name, bytes, sniffed.type());
    }

    public List<UploadArea.Kept> keptImages(String uploadToken) {
        return uploads.kept(uploadToken);
    }

    public void dropImage(String uploadToken, int slot) {
        uploads.discard(uploadToken, slot);
    }

    /** A stored submission: its id and the token of the reader's status link. */
    public record Received(long id, String statusToken, String language) {
    }

    /**
     * Checks and stores a submission, with the pictures kept for its form.
     *
     * @return the stored submission
     * @throws SubmissionException the first problem found, per field; nothing is stored then
     */
    @Transactional
    public Received submit(SubmissionForm typed, Submission.Sender sender) {
        SubmissionForm form = new SubmissionForm(clean(typed.language()), clean(typed.title()), clean(typed.summary()),
                clean(typed.story()), clean(typed.categoryId()), clean(typed.authorName()), clean(typed.email()),
                clean(typed.bio()), typed.consent(), typed.honeypot(), typed.started(), typed.uploadToken());
        List<SubmissionException> problems = problems(form);
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        Instant now = clock.instant();
        if (!oldEnough(form.started(), now)) {
            throw new Refused(List.of(new SubmissionException(SubmissionException.Reason.TOO_FAST, "")));
        }
        String email = form.email().strip();
        if (submissions.countFromAddressSince(sender.clientIp(), now.minus(Duration.ofHours(1)))
                >= setting(PER_ADDRESS_PER_HOUR, 5)
                || submissions.countFromEmailSince(email, now.minus(Duration.ofDays(1))) >= setting(PER_EMAIL_PER_DAY, 3)) {
            throw new Refused(List.of(new SubmissionException(SubmissionException.Reason.RATE_LIMITED, "")));
        }
        String story = StorySanitizer.sanitize(form.story());
        Submission s = new Submission(UploadArea.newToken(), new Submission.Content(form.language(), form.title().strip(),
                form.summary().strip(), story, categoryId(form.categoryId()), form.authorName().strip(), email,
                blankToNull(form.bio())), sender, now);
        boolean honeypot = form.honeypot() != null && !form.honeypot().isEmpty();
        if (honeypot) {
            s.recordSpamCheck(SpamCheck.SPAM, "honeypot", now);
        }
        submissions.save(s);
        if (UploadArea.isToken(form.uploadToken())) {
            for (UploadArea.Kept k : uploads.claim(form.uploadToken(), s.getId())) {
                s.addImage(k.fileName(), k.type().contentType(), k.originalName(), k.size());
            }
        }
        uploads.sweep(now);
        events.accept(new ConsentGiven("submission", email, form.language(), CONSENT_VERSION, sender.clientIp(),
                "/" + form.language() + "/submit", now));
        if (!honeypot) {
            events.accept(new SubmissionStatusChanged(s.getId(), null, SubmissionStatus.NEW));
        }
        return new Received(s.getId(), s.getStatusToken(), s.getLanguage());
    }

    /** Several problems of one form; each names its field. */
    public static class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final transient List<SubmissionException> problems;

        public Refused(List<SubmissionException> problems) {
            super(problems.toString());
            this.problems = List.copyOf(problems);
        }

        public List<SubmissionException> problems() {
            return problems;
        }
    }

    private List<SubmissionException> problems(SubmissionForm f) {
        List<SubmissionException> p = new ArrayList<>();
        if (f.language() == null || !languages.isEnabled(f.language())) {
            p.add(new SubmissionException(SubmissionException.Reason.UNKNOWN_LANGUAGE, "language"));
        }
        text(p, "title", f.title(), 300, true);
        text(p, "summary", f.summary(), 1000, true);
        text(p, "authorName", f.authorName(), 200, true);
        text(p, "bio", f.bio(), 1000, false);
        if (StorySanitizer.text(StorySanitizer.sanitize(f.story())).isEmpty()) {
            p.add(new SubmissionException(SubmissionException.Reason.REQUIRED, "story"));
        } else if (StorySanitizer.sanitize(f.story()).length() > 100000) {
            p.add(new SubmissionException(SubmissionException.Reason.TOO_LONG, "story"));
        }
        if (f.email() == null || f.email().isBlank()) {
            p.add(new SubmissionException(SubmissionException.Reason.REQUIRED, "email"));
        } else if (f.email().strip().length() > 320 || !EMAIL.matcher(f.email().strip()).matches()) {
            p.add(new SubmissionException(SubmissionException.Reason.EMAIL_INVALID, "email"));
        }
        if (f.categoryId() != null && !f.categoryId().isBlank() && categoryId(f.categoryId()) == null) {
            p.add(new SubmissionException(SubmissionException.Reason.UNKNOWN_CATEGORY, "category"));
        }
        if (!f.consent()) {
            p.add(new SubmissionException(SubmissionException.Reason.CONSENT_MISSING, "consent"));
        }
        return p;
    }

    private static void text(List<SubmissionException> p, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                p.add(new SubmissionException(SubmissionException.Reason.REQUIRED, field));
            }
        } else if (value.strip().length() > max) {
            p.add(new SubmissionException(SubmissionException.Reason.TOO_LONG, field));
        }
    }

    private Long categoryId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            return editorial.categoryChoices("en").stream().anyMatch(c -> c.id() == id) ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Asks Akismet about a stored submission, once. Spam goes to the spam folder; an Akismet failure holds the
     * submission for review (it stays NEW, marked held); with Akismet off it stays NEW.
     */
    @Transactional
    public void checkSpam(long id) {
        Submission s = submissions.findById(id).orElseThrow();
        if (s.getSpamCheck() != SpamCheck.PENDING) {
            return;
        }
        Instant now = clock.instant();
        if (!akismet.isActive()) {
            s.recordSpamCheck(SpamCheck.OFF, null, now);
            return;
        }
        AkismetVerdict verdict = akismet.client().commentCheck(akismetRequest(s, baseUrl));
        if (verdict.isError()) {
            s.recordSpamCheck(SpamCheck.HELD, verdict.describe(), now);
        } else if (verdict.isSpam()) {
            s.recordSpamCheck(SpamCheck.SPAM, verdict.describe(), now)
                    .ifPresent(from -> events.accept(new SubmissionStatusChanged(id, from, SubmissionStatus.SPAM)));
        } else {
            s.recordSpamCheck(SpamCheck.HAM, null, now);
        }
    }

    /** The request Akismet gets for a submission, the same for the check and for spam/ham reports. */
    public static SpamCheckRequest akismetRequest(Submission s, String baseUrl) {
        return SpamCheckRequest.builder()
                .commentType(AKISMET_TYPE)
                .blogLang(s.getLanguage())
                .blogCharset("UTF-8")
                .userIp(s.getClientIp())
                .userAgent(s.getUserAgent().orElse(null))
                .referrer(s.getReferrer().orElse(null))
                .permalink(baseUrl + "/" + s.getLanguage() + "/submit")
                .commentAuthor(s.getAuthorName())
                .commentAuthorEmail(s.getEmail())
                .commentContent(s.getTitle() + "\n\n" + s.getSummary() + "\n\n" + StorySanitizer.text(s.getStory())
                        + s.getBio().map(b -> "\n\n" + b).orElse(""))
                .commentDateGmt(s.getCreatedAt())
                .build();
    }

    /** What the submitter sees behind their private link. */
    public record StatusView(String title, SubmissionStatus status, String message, String language, Instant receivedAt) {
    }

    /** The status behind a private link; spam shows as received, so senders learn nothing from it. */
    @Transactional
    public Optional<StatusView> status(String token) {
        if (!UploadArea.isToken(token)) {
            return Optional.empty();
        }
        return submissions.findByToken(token).map(s -> new StatusView(s.getTitle(),
                s.getStatus() == SubmissionStatus.SPAM ? SubmissionStatus.NEW : s.getStatus(),
                s.getEditorMessage().orElse(null), s.getLanguage(), s.getCreatedAt()));
    }

    private boolean oldEnough(String stamp, Instant now) {
        if (stamp == null || !stamp.matches("[0-9]{1,15}-[a-f0-9]{64}")) {
            return false;
        }
        String millis = stamp.substring(0, stamp.indexOf('-'));
        byte[] expected = sign(millis).getBytes(StandardCharsets.US_ASCII);
        byte[] given = stamp.substring(stamp.indexOf('-') + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return false;
        }
        long started = Long.parseLong(millis);
        return now.toEpochMilli() - started >= setting(MIN_FILL_SECONDS, 3) * 1000L;
    }

    private String sign(String value) {
        String secret = settings.get(SECRET).orElseGet(() -> {
            String fresh = UploadArea.newToken() + UploadArea.newToken();
            settings.putUnannounced(SECRET, fresh);
            return fresh;
        });
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private long setting(String key, long fallback) {
        try {
            return settings.get(key).map(v -> Long.parseLong(v.strip())).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The text without control characters (other than tab and line breaks), which no field needs. */
    static String clean(String s) {
        return s == null ? null : s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
