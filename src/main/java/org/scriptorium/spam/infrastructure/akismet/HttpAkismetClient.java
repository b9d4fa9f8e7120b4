package org.scriptorium.spam.infrastructure.akismet;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.scriptorium.spam.application.AkismetClient;
import org.scriptorium.spam.application.AkismetSettings;
import org.scriptorium.spam.domain.AkismetVerdict;
import org.scriptorium.spam.domain.FeedbackReceipt;
import org.scriptorium.spam.domain.KeyVerification;
import org.scriptorium.spam.domain.SpamCheckRequest;
import org.scriptorium.spam.domain.UsageLimit;

/**
 * {@link AkismetClient} over {@code java.net.http}: each call is one form-encoded (UTF-8) POST to the
 * configured endpoint, with the configured connect timeout and a read timeout that bounds the wait for the
 * complete answer.
 *
 * <p>It never throws for network or protocol faults (see {@link AkismetClient}): a refused connection, a
 * timeout, a non-2xx status or an answer that is not one Akismet documents becomes an error result whose
 * reason names the fault, the endpoint and, when sent, Akismet's {@code X-akismet-debug-help}. The API key
 * never appears in reasons or logs. One instance holds one {@link HttpClient} and is meant to be shared;
 * a changed key or endpoint means a new instance.
 */
public final class HttpAkismetClient implements AkismetClient {

    /** Sent on every call, as Akismet asks: application name and version | plugin name and version. */
    public static final String USER_AGENT = "Scriptorium/0.1 | HttpAkismetClient/1.0";

    static final String THANKS = "Thanks for making the web a better place.";
    static final String OFF = "Akismet is off: no API key is configured";

    private static final Logger LOG = Logger.getLogger(HttpAkismetClient.class.getName());
    private static final int EXCERPT = 160;

    private final AkismetSettings settings;
    private final HttpClient http;

    /** A client for the given settings; building it makes no network call. */
    public HttpAkismetClient(AkismetSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public AkismetSettings settings() {
        return settings;
    }

    @Override
    public KeyVerification verifyKey() {
        if (!isActive()) {
            return KeyVerification.unknown(OFF);
        }
        Form form = new Form().add("key", settings.apiKey().orElseThrow()).add("blog", settings.blogUrl());
        Answer a = post("/1.1/verify-key", form);
        if (a.failure != null) {
            return KeyVerification.unknown(a.failure);
        }
        return switch (a.body) {
            case "valid" -> KeyVerification.valid();
            case "invalid" -> KeyVerification.invalid("Akismet rejected the API key for " + settings.blogUrl(),
                    a.debugHelp);
            default -> KeyVerification.unknown(unexpected("verify-key", a));
        };
    }

    @Override
    public AkismetVerdict commentCheck(SpamCheckRequest request) {
        if (!isActive()) {
            return AkismetVerdict.error(OFF);
        }
        Answer a = post("/1.1/comment-check", commentForm(request));
        AkismetVerdict verdict;
        if (a.failure != null) {
            verdict = AkismetVerdict.error(a.failure);
        } else if (a.body.equals("true")) {
            verdict = "discard".equalsIgnoreCase(a.proTip) ? AkismetVerdict.discard() : AkismetVerdict.spam();
        } else if (a.body.equals("false")) {
            verdict = AkismetVerdict.ham();
        } else if (a.body.equals("invalid")) {
            verdict = AkismetVerdict.error("Akismet rejected the API key or the request (answer \"invalid\")");
        } else {
            verdict = AkismetVerdict.error(unexpected("comment-check", a));
        }
        return verdict.withDebugHelp(a.debugHelp).withAlert(a.alertCode, a.alertMessage);
    }

    @Override
    public FeedbackReceipt submitSpam(SpamCheckRequest request) {
        return feedback("submit-spam", request);
    }

    @Override
    public FeedbackReceipt submitHam(SpamCheckRequest request) {
        return feedback("submit-ham", request);
    }

    @Override
    public UsageLimit usageLimit() {
        if (!isActive()) {
            return UsageLimit.unknown(OFF);
        }
        Answer a = post("/1.2/usage-limit", new Form().add("api_key", settings.apiKey().orElseThrow()));
        if (a.failure != null) {
            return UsageLimit.unknown(a.failure);
        }
        try {
            Map<String, Object> json = FlatJson.parseObject(a.body);
            Object limit = json.get("limit");
            Long limitValue = limit instanceof FlatJson.JsonNumber n ? new BigDecimal(n.literal()).longValueExact()
                    : null;
            if (limitValue == null && !(limit instanceof String s && s.equalsIgnoreCase("none"))) {
                throw new IllegalArgumentException("no limit");
            }
            long usage = number(json.get("usage")).longValueExact();
            BigDecimal percentage = number(json.get("percentage"));
            if (!(json.get("throttled") instanceof Boolean throttled)) {
                throw new IllegalArgumentException("no throttled flag");
            }
            return UsageLimit.of(limitValue, usage, percentage, throttled);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return UsageLimit.unknown(unexpected("usage-limit", a));
        }
    }

    private FeedbackReceipt feedback(String method, SpamCheckRequest request) {
        if (!isActive()) {
            return FeedbackReceipt.failed(OFF);
        }
        Answer a = post("/1.1/" + method, commentForm(request));
        if (a.failure != null) {
            return FeedbackReceipt.failed(a.failure);
        }
        return a.body.equals(THANKS) ? FeedbackReceipt.acceptedReceipt() : FeedbackReceipt.failed(unexpected(method, a));
    }

    /** The documented comment parameters, in the documented order; absent values are left out. */
    Form commentForm(SpamCheckRequest r) {
        Form f = new Form()
                .add("api_key", settings.apiKey().orElseThrow())
                .add("blog", r.blog().orElse(settings.blogUrl()))
                .add("user_ip", r.userIp())
                .add("user_agent", r.userAgent())
                .add("referrer", r.referrer())
                .add("permalink", r.permalink())
                .add("comment_type", r.commentType())
                .add("comment_author", r.commentAuthor())
                .add("comment_author_email", r.commentAuthorEmail())
                .add("comment_author_url", r.commentAuthorUrl())
                .add("comment_content", r.commentContent())
                .add("comment_date_gmt", r.commentDateGmt().map(HttpAkismetClient::iso))
                .add("comment_post_modified_gmt", r.commentPostModifiedGmt().map(HttpAkismetClient::iso))
                .add("comment_parent", r.commentParent())
                .add("blog_lang", r.blogLang())
                .add("blog_charset", r.blogCharset())
                .add("user_role", r.userRole())
                .add("is_test", r.isTest() ? Optional.of("true") : Optional.empty())
                .add("recheck_reason", r.recheckReason());
        r.honeypotFieldName().ifPresent(name -> {
            f.add("honeypot_field_name", name);
            f.addEvenIfEmpty(name, r.honeypotValue().orElse(""));
        });
        r.commentContext().forEach(word -> f.add("comment_context[]", word));
        return f;
    }

    private static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private Answer post(String path, Form form) {
        URI uri = URI.create(settings.endpoint() + path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.readTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(form.encoded(), StandardCharsets.UTF_8))
                .build();
        Duration budget = settings.connectTimeout().plus(settings.readTimeout());
        CompletableFuture<HttpResponse<byte[]>> pending = null;
        try {
            pending = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> response = pending.get(budget.toMillis(), TimeUnit.MILLISECONDS);
            return Answer.of(response, uri);
        } catch (TimeoutException e) {
            pending.cancel(true);
            return Answer.failed(where(uri) + " did not answer within " + seconds(budget));
        } catch (ExecutionException e) {
            return Answer.failed(describe(e.getCause() == null ? e : e.getCause(), uri));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            return Answer.failed("Interrupted while waiting for " + where(uri));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Unexpected failure calling " + uri, e);
            return Answer.failed("Unexpected failure calling " + where(uri) + ": " + e);
        }
    }

    private String describe(Throwable t, URI uri) {
        if (t instanceof HttpConnectTimeoutException) {
            return "Could not connect to " + where(uri) + " within " + seconds(settings.connectTimeout());
        }
        if (t instanceof HttpTimeoutException) {
            return where(uri) + " did not answer within " + seconds(settings.readTimeout());
        }
        if (t instanceof ConnectException) {
            return "Could not connect to " + where(uri) + " (connection refused or unreachable)";
        }
        if (t instanceof IOException) {
            return "Network error talking to " + where(uri) + ": " + t.getClass().getSimpleName()
                    + (t.getMessage() == null ? "" : " " + t.getMessage());
        }
        LOG.log(Level.WARNING, "Unexpected failure calling " + uri, t);
        return "Unexpected failure calling " + where(uri) + ": " + t;
    }

    private static String where(URI uri) {
        return "Akismet at " + uri;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String unexpected(String method, Answer a) {
        StringBuilder s = new StringBuilder("Akismet ").append(method).append(" gave an unexpected answer: \"")
                .append(excerpt(a.body)).append('"');
        if (a.debugHelp != null) {
            s.append(" (").append(excerpt(a.debugHelp)).append(')');
        }
        return s.toString();
    }

    static String excerpt(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.length() <= EXCERPT ? clean : clean.substring(0, EXCERPT) + "…";
    }

    /** What came back from one call: either a failure reason, or a 2xx body with the Akismet headers. */
    private static final class Answer {

        final String failure;
        final String body;
        final String proTip;
        final String alertCode;
        final String alertMessage;
        final String debugHelp;

        private Answer(String failure, String body, String proTip, String alertCode, String alertMessage,
                String debugHelp) {
            this.failure = failure;
            this.body = body;
            this.proTip = proTip;
            this.alertCode = alertCode;
            this.alertMessage = alertMessage;
            this.debugHelp = debugHelp;
        }

        static Answer failed(String reason) {
            return new Answer(reason, "", null, null, null, null);
        }

        static Answer of(HttpResponse<byte[]> response, URI uri) {
            String body = new String(response.body(), StandardCharsets.UTF_8).strip();
            String debugHelp = header(response, "X-akismet-debug-help");
            String alertCode = header(response, "X-akismet-alert-code");
            String alertMessage = header(response, "X-akismet-alert-msg");
            int status = response.statusCode();
            if (status < 200 || status > 299) {
                StringBuilder reason = new StringBuilder(where(uri)).append(" answered HTTP ").append(status);
                if (!body.isEmpty()) {
                    reason.append(": ").append(excerpt(body));
                }
                if (debugHelp != null) {
                    reason.append(" (").append(excerpt(debugHelp)).append(')');
                }
                return new Answer(reason.toString(), body, null, alertCode, alertMessage, debugHelp);
            }
            return new Answer(null, body, header(response, "X-akismet-pro-tip"), alertCode, alertMessage, debugHelp);
        }

        private static String header(HttpResponse<?> response, String name) {
            return response.headers().firstValue(name).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        }
    }

    /** An ordered list of form parameters; names may repeat. */
    static final class Form {

        private final List<String[]> pairs = new ArrayList<>();

        Form add(String name, String value) {
            if (value != null && !value.isBlank()) {
                pairs.add(new String[] {name, value});
            }
            return this;
        }

        Form add(String name, Optional<String> value) {
            return add(name, value.orElse(null));
        }

        Form addEvenIfEmpty(String name, String value) {
            pairs.add(new String[] {name, value});
            return this;
        }

        String encoded() {
            StringBuilder s = new StringBuilder();
            for (String[] p : pairs) {
                if (s.length() > 0) {
                    s.append('&');
                }
                s.append(URLEncoder.encode(p[0], StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(p[1], StandardCharsets.UTF_8));
            }
            return s.toString();
        }
    }

    private static BigDecimal number(Object value) {
        if (value instanceof FlatJson.JsonNumber n) {
            return new BigDecimal(n.literal());
        }
        if (value instanceof String s) {
            return new BigDecimal(s.strip());
        }
        throw new IllegalArgumentException("not a number: " + value);
    }
}
