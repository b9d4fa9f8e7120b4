package org.scriptorium.spam.infrastructure.akismet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scriptorium.spam.application.AkismetClient;
import org.scriptorium.spam.application.AkismetSettings;
import org.scriptorium.spam.domain.AkismetVerdict;
import org.scriptorium.spam.domain.FeedbackReceipt;
import org.scriptorium.spam.domain.KeyVerification;
import org.scriptorium.spam.domain.SpamCheckRequest;
import org.scriptorium.spam.domain.UsageLimit;
import org.scriptorium.testing.AkismetTestServer;
import org.scriptorium.testing.AkismetTestServer.Call;
import org.scriptorium.testing.AkismetTestServer.Mode;
import org.scriptorium.testing.DatabaseNeutral;

/** The Akismet client against a real local server speaking Akismet's protocol, in every mode. */
@DatabaseNeutral
class HttpAkismetClientTest {

    private static final String BLOG = "https://magazine.example/";
    private static final Duration CONNECT = Duration.ofSeconds(1);
    private static final Duration READ = Duration.ofMillis(3000);

    private static AkismetTestServer server;
    private AkismetClient client;

    @BeforeAll
    static void startServer() {
        server = AkismetTestServer.startOnFreePort();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void setUp() {
        server.reset();
        client = clientFor(AkismetTestServer.VALID_KEY, server.endpoint());
    }

    private static AkismetClient clientFor(String key, String endpoint) {
        return new HttpAkismetClient(AkismetSettings.of(key, BLOG).withEndpoint(endpoint).withTimeouts(CONNECT, READ));
    }

    private static SpamCheckRequest.Builder ordinary() {
        return SpamCheckRequest.builder().userIp("203.0.113.7").userAgent("Mozilla/5.0 (X11; Linux)")
                .commentAuthor("Giulia Rossi").commentAuthorEmail("giulia@example.org")
                .commentContent("Bell'articolo, grazie!").blogLang("it").commentType(SpamCheckRequest.TYPE_COMMENT);
    }

    // ---- verify-key

    @Test
    void aValidKeyIsVerifiedWithKeyAndBlogFormEncodedAndOurUserAgent() {
        KeyVerification result = client.verifyKey();

        assertThat(result.status()).isEqualTo(KeyVerification.Status.VALID);
        Call call = server.lastCall("/1.1/verify-key");
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.params()).containsExactly(Map.entry("key", AkismetTestServer.VALID_KEY), Map.entry("blog", BLOG));
        assertThat(call.header("Content-Type")).hasValue("application/x-www-form-urlencoded; charset=UTF-8");
        assertThat(call.header("User-Agent")).hasValue("Scriptorium/0.1 | HttpAkismetClient/1.0");
    }

    @Test
    void aWrongKeyIsInvalidWithAkismetsDebugHelp() {
        KeyVerification result = clientFor("wrong-key", server.endpoint()).verifyKey();

        assertThat(result.status()).isEqualTo(KeyVerification.Status.INVALID);
        assertThat(result.debugHelpText()).hasValue("Invalid key");
        assertThat(result.reasonText().orElseThrow()).contains("rejected the API key");
    }

    // ---- comment-check verdicts

    @Test
    void theDocumentedSpamAuthorIsSpam() {
        assertThat(client.commentCheck(ordinary().commentAuthor(AkismetTestServer.SPAM_AUTHOR).build()))
                .isEqualTo(AkismetVerdict.spam());
    }

    @Test
    void theDocumentedSpamEmailIsSpam() {
        assertThat(client.commentCheck(ordinary().commentAuthorEmail(AkismetTestServer.SPAM_EMAIL).build()).kind())
                .isEqualTo(AkismetVerdict.Kind.SPAM);
    }

    @Test
    void anOrdinaryCommentIsHam() {
        assertThat(client.commentCheck(ordinary().build())).isEqualTo(AkismetVerdict.ham());
    }

    @Test
    void anAdministratorIsHamEvenWithTheSpamAuthor() {
        SpamCheckRequest request = ordinary().commentAuthor(AkismetTestServer.SPAM_AUTHOR)
                .userRole(SpamCheckRequest.ROLE_ADMINISTRATOR).build();

        assertThat(client.commentCheck(request).kind()).isEqualTo(AkismetVerdict.Kind.HAM);
        assertThat(server.lastCall("/1.1/comment-check").param("user_role")).hasValue("administrator");
    }

    @Test
    void theProTipDiscardMakesBlatantSpamDiscardAndLeavesHamAlone() {
        server.mode(Mode.DISCARD);

        assertThat(client.commentCheck(ordinary().commentAuthor(AkismetTestServer.SPAM_AUTHOR).build()).kind())
                .isEqualTo(AkismetVerdict.Kind.DISCARD);
        assertThat(client.commentCheck(ordinary().build()).kind()).isEqualTo(AkismetVerdict.Kind.HAM);
    }

    @Test
    void aWrongKeyOnCommentCheckIsAnErrorCarryingTheDebugHelp() {
        AkismetVerdict verdict = clientFor("wrong-key", server.endpoint()).commentCheck(ordinary().build());

        assertThat(verdict.kind()).isEqualTo(AkismetVerdict.Kind.ERROR);
        assertThat(verdict.reason().orElseThrow()).contains("invalid");
        assertThat(verdict.debugHelp()).hasValue("Invalid API key");
        assertThat(verdict.describe()).contains("Invalid API key").doesNotContain("wrong-key");
    }

    @Test
    void aMissingRequiredFieldIsAnErrorWithAkismetsExplanation() {
        AkismetVerdict verdict = client.commentCheck(ordinary().userIp(null).build());

        assertThat(verdict.kind()).isEqualTo(AkismetVerdict.Kind.ERROR);
        assertThat(verdict.reason().orElseThrow()).contains("Missing required field: user_ip.");
        assertThat(verdict.debugHelp()).hasValue("Missing required field: user_ip.");
    }

    @Test
    void alertHeadersAreKeptOnTheVerdict() {
        server.alert("10003", "Your Akismet subscription is suspended.");

        AkismetVerdict verdict = client.commentCheck(ordinary().build());

        assertThat(verdict.kind()).isEqualTo(AkismetVerdict.Kind.HAM);
        assertThat(verdict.alertCode()).hasValue("10003");
        assertThat(verdict.alertMessage()).hasValue("Your Akismet subscription is suspended.");
    }

    // ---- exactly what is sent

    @Test
    void everyDocumentedParameterIsSentExactlyInUtf8() {
        SpamCheckRequest request = SpamCheckRequest.builder()
                .userIp("2001:db8::7").userAgent("Mozilla/5.0 (Macintosh) Safari/605.1")
                .referrer("https://search.example/?q=caf%C3%A9&x=1").permalink("https://magazine.example/de/kaffee-kultur")
                .commentType(SpamCheckRequest.TYPE_REPLY).commentAuthor("Jürgen Groß")
                .commentAuthorEmail("juergen@example.de").commentAuthorUrl("https://jürgen.example/?a=1&b=2")
                .commentContent("Schöner Text & gute Bilder.\nZweite Zeile: 100% = 1+1 ✓ 日本語")
                .commentDateGmt(Instant.parse("2026-03-01T12:34:56.789Z"))
                .commentPostModifiedGmt(Instant.parse("2026-02-27T08:00:00Z")).commentParent("4711")
                .blogLang("de").blogCharset("UTF-8").userRole("reader").test(true)
                .honeypot("website_confirm", "").recheckReason("edit")
                .commentContext("kaffee").commentContext("kultur & genuss").commentContext("wien")
                .build();

        assertThat(client.commentCheck(request).kind()).isEqualTo(AkismetVerdict.Kind.HAM);

        assertThat(server.lastCall("/1.1/comment-check").params()).containsExactly(
                Map.entry("api_key", AkismetTestServer.VALID_KEY),
                Map.entry("blog", BLOG),
                Map.entry("user_ip", "2001:db8::7"),
                Map.entry("user_agent", "Mozilla/5.0 (Macintosh) Safari/605.1"),
                Map.entry("referrer", "https://search.example/?q=caf%C3%A9&x=1"),
                Map.entry("permalink", "https://magazine.example/de/kaffee-kultur"),
                Map.entry("comment_type", "reply"),
                Map.entry("comment_author", "Jürgen Groß"),
                Map.entry("comment_author_email", "juergen@example.de"),
                Map.entry("comment_author_url", "https://jürgen.example/?a=1&b=2"),
                Map.entry("comment_content", "Schöner Text & gute Bilder.\nZweite Zeile: 100% = 1+1 ✓ 日本語"),
                Map.entry("comment_date_gmt", "2026-03-01T12:34:56Z"),
                Map.entry("comment_post_modified_gmt", "2026-02-27T08:00:00Z"),
                Map.entry("comment_parent", "4711"),
                Map.entry("blog_lang", "de"),
                Map.entry("blog_charset", "UTF-8"),
                Map.entry("user_role", "reader"),
                Map.entry("is_test", "true"),
                Map.entry("recheck_reason", "edit"),
                Map.entry("honeypot_field_name", "website_confirm"),
                Map.entry("website_confirm", ""),
                Map.entry("comment_context[]", "kaffee"),
                Map.entry("comment_context[]", "kultur & genuss"),
                Map.entry("comment_context[]", "wien"));
    }

    @Test
    void absentAndBlankValuesAreLeftOutAndTheConfiguredBlogIsTheDefault() {
        SpamCheckRequest request = SpamCheckRequest.builder().userIp("198.51.100.4").commentAuthor("  ")
                .commentAuthorUrl("").commentContent("Ciao").blogLang("pt").commentContext(List.of(" ", "")).build();

        client.commentCheck(request);

        assertThat(server.lastCall("/1.1/comment-check").paramNames())
                .containsExactly("api_key", "blog", "user_ip", "comment_content", "blog_lang");
        assertThat(server.lastCall("/1.1/comment-check").param("blog")).hasValue(BLOG);
    }

    @Test
    void theBlogLanguageIsTheOneTheCallerPassedAndAPerRequestBlogWins() {
        client.commentCheck(ordinary().blogLang("fr").blog("https://revue.example/").build());

        Call call = server.lastCall("/1.1/comment-check");
        assertThat(call.params("blog_lang")).containsExactly("fr");
        assertThat(call.params("blog")).containsExactly("https://revue.example/");
    }

    @Test
    void aHoneypotValueIsSentUnderTheHoneypotName() {
        client.commentCheck(ordinary().honeypot("fax_number", "+39 06 555 0101").build());

        Call call = server.lastCall("/1.1/comment-check");
        assertThat(call.param("honeypot_field_name")).hasValue("fax_number");
        assertThat(call.param("fax_number")).hasValue("+39 06 555 0101");
    }

    @Test
    void aRecheckSendsTheSameDataWithTheReason() {
        SpamCheckRequest original = ordinary().build();
        client.commentCheck(original);
        List<Map.Entry<String, String>> first = server.lastCall("/1.1/comment-check").params();

        client.commentCheck(original.asRecheck("retry"));

        List<Map.Entry<String, String>> second = server.lastCall("/1.1/comment-check").params();
        assertThat(second).containsSubsequence(first).hasSize(first.size() + 1).contains(Map.entry("recheck_reason", "retry"));
    }

    // ---- submit-spam / submit-ham

    @Test
    void submitSpamAndSubmitHamAreThankedAndSendTheParametersOfTheOriginalCheck() {
        SpamCheckRequest original = ordinary().commentAuthorUrl("https://giulia.example").permalink(BLOG + "it/pane")
                .commentDateGmt(Instant.parse("2026-01-02T03:04:05Z")).commentContext("cucina").commentContext("pane")
                .honeypot("hp", "").build();
        client.commentCheck(original);
        List<Map.Entry<String, String>> checked = server.lastCall("/1.1/comment-check").params();

        FeedbackReceipt spam = client.submitSpam(original);
        FeedbackReceipt ham = client.submitHam(original);

        assertThat(spam.accepted()).isTrue();
        assertThat(ham.accepted()).isTrue();
        assertThat(server.lastCall("/1.1/submit-spam").params()).isEqualTo(checked);
        assertThat(server.lastCall("/1.1/submit-ham").params()).isEqualTo(checked);
        assertThat(server.lastCall("/1.1/submit-ham").header("User-Agent")).hasValue(HttpAkismetClient.USER_AGENT);
    }

    @Test
    void aSubmissionWithAWrongKeyIsNotAccepted() {
        FeedbackReceipt receipt = clientFor("wrong-key", server.endpoint()).submitSpam(ordinary().build());

        assertThat(receipt.accepted()).isFalse();
        assertThat(receipt.reasonText().orElseThrow()).contains("invalid").contains("Invalid API key");
    }

    // ---- usage-limit

    @Test
    void usageLimitReportsLimitUsageAndPercentage() {
        client.commentCheck(ordinary().build());
        client.commentCheck(ordinary().build());
        client.commentCheck(ordinary().build());

        UsageLimit usage = client.usageLimit();

        assertThat(usage.isKnown()).isTrue();
        assertThat(usage.limit()).hasValue(1000);
        assertThat(usage.usage()).isEqualTo(3);
        assertThat(usage.percentage()).isEqualByComparingTo(new BigDecimal("0.30"));
        assertThat(usage.throttled()).isFalse();
        assertThat(server.lastCall("/1.2/usage-limit").params())
                .containsExactly(Map.entry("api_key", AkismetTestServer.VALID_KEY));
    }

    @Test
    void anUnlimitedPlanHasNoLimit() {
        server.usageLimit(null);

        UsageLimit usage = client.usageLimit();

        assertThat(usage.isKnown()).isTrue();
        assertThat(usage.limit()).isEmpty();
    }

    @Test
    void usageWithAWrongKeyIsUnknown() {
        UsageLimit usage = clientFor("wrong-key", server.endpoint()).usageLimit();

        assertThat(usage.isKnown()).isFalse();
        assertThat(usage.reason().orElseThrow()).contains("usage-limit").contains("invalid");
    }

    // ---- no key: off

    @Test
    void withoutAKeyTheClientIsOffAndNeverCallsAkismet() {
        AkismetClient off = clientFor("  ", server.endpoint());

        assertThat(off.isActive()).isFalse();
        assertThat(off.settings().isOff()).isTrue();
        assertThat(off.verifyKey().status()).isEqualTo(KeyVerification.Status.UNKNOWN);
        assertThat(off.commentCheck(ordinary().build()).reason()).hasValue(HttpAkismetClient.OFF);
        assertThat(off.submitSpam(ordinary().build()).accepted()).isFalse();
        assertThat(off.submitHam(ordinary().build()).accepted()).isFalse();
        assertThat(off.usageLimit().isKnown()).isFalse();
        assertThat(server.calls()).isEmpty();
        assertThat(client.isActive()).isTrue();
    }

    // ---- failure modes, for every method

    /** A failure-free summary of any method's result: null when it succeeded, else its reason. */
    private static final Map<String, Function<AkismetClient, String>> METHODS = Map.of(
            "verify-key", c -> {
                KeyVerification k = c.verifyKey();
                return k.status() == KeyVerification.Status.UNKNOWN ? k.reason() : null;
            },
            "comment-check", c -> c.commentCheck(ordinary().build()).reason().orElse(null),
            "submit-spam", c -> c.submitSpam(ordinary().build()).reasonText().orElse(null),
            "submit-ham", c -> c.submitHam(ordinary().build()).reasonText().orElse(null),
            "usage-limit", c -> c.usageLimit().reason().orElse(null));

    static Stream<Arguments> methodsAndFailures() {
        return METHODS.keySet().stream().sorted().flatMap(m -> Stream.of(
                Arguments.of(m, "slow", "did not answer within 3 s"),
                Arguments.of(m, "stalled body", "did not answer within"),
                Arguments.of(m, "http 500", "answered HTTP 500"),
                Arguments.of(m, "garbage", "unexpected answer: \"<html><body>502 Bad Gateway</body></html>\""),
                Arguments.of(m, "refused", "Could not connect to Akismet at http://127.0.0.1:")));
    }

    @ParameterizedTest(name = "{0} when the server is {1}")
    @MethodSource("methodsAndFailures")
    void everyFailureIsAReadableErrorNeverAnExceptionNorAVerdict(String method, String failure, String expected)
            throws IOException {
        AkismetClient subject = client;
        switch (failure) {
            case "slow" -> server.slow(Duration.ofMillis(5000));
            case "stalled body" -> server.mode(Mode.STALLED_BODY);
            case "http 500" -> server.mode(Mode.HTTP_500);
            case "garbage" -> server.mode(Mode.GARBAGE);
            case "refused" -> subject = clientFor(AkismetTestServer.VALID_KEY, "http://127.0.0.1:" + closedPort());
            default -> throw new IllegalArgumentException(failure);
        }

        long start = System.nanoTime();
        String reason = METHODS.get(method).apply(subject);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(reason).as("reason of %s", method).isNotNull().contains(expected)
                .doesNotContain(AkismetTestServer.VALID_KEY);
        assertThat(took).isLessThan(CONNECT.plus(READ).plusMillis(500));
    }

    @Test
    void anHttpErrorIsNeverTakenForAVerdictEvenWithAValidLookingBody() {
        server.mode(Mode.HTTP_500);

        AkismetVerdict verdict = client.commentCheck(ordinary().commentAuthor(AkismetTestServer.SPAM_AUTHOR).build());

        assertThat(verdict.kind()).isEqualTo(AkismetVerdict.Kind.ERROR);
        assertThat(verdict.isSpam()).isFalse();
    }

    @Test
    void aStoppedServerRefusesAndAnswersAgainOnTheSamePortWhenRestarted() {
        AkismetTestServer own = AkismetTestServer.startOnFreePort();
        try {
            AkismetClient c = clientFor(AkismetTestServer.VALID_KEY, own.endpoint());
            int port = own.port();
            own.stop();

            AkismetVerdict down = c.commentCheck(ordinary().build());
            assertThat(down.kind()).isEqualTo(AkismetVerdict.Kind.ERROR);
            assertThat(down.reason().orElseThrow()).contains("connection refused");

            own.start();
            assertThat(own.port()).isEqualTo(port);
            assertThat(c.commentCheck(ordinary().build()).kind()).isEqualTo(AkismetVerdict.Kind.HAM);
        } finally {
            own.close();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
