package org.scriptorium.spam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.scriptorium.spam.application.AkismetSettings;
import org.scriptorium.spam.domain.AkismetVerdict;
import org.scriptorium.spam.domain.SpamCheckRequest;

/** The Akismet settings, the check request and the verdict, without any network. */
class AkismetValuesTest {

    @Test
    void settingsDefaultToAkismetsEndpointAndShortTimeouts() {
        AkismetSettings s = AkismetSettings.read(k -> Optional.empty(), "https://magazine.example");

        assertThat(s.isOff()).isTrue();
        assertThat(s.apiKey()).isEmpty();
        assertThat(s.endpoint()).isEqualTo(URI.create("https://rest.akismet.com"));
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.blogUrl()).isEqualTo("https://magazine.example");
    }

    @Test
    void settingsAreReadFromConfigurationKeys() {
        Map<String, String> config = Map.of(AkismetSettings.KEY, " abc123 ", AkismetSettings.ENDPOINT,
                "http://127.0.0.1:8099//", AkismetSettings.CONNECT_TIMEOUT_MS, "250", AkismetSettings.READ_TIMEOUT_MS, "1500");

        AkismetSettings s = AkismetSettings.read(k -> Optional.ofNullable(config.get(k)), "https://magazine.example");

        assertThat(s.isOff()).isFalse();
        assertThat(s.apiKey()).hasValue("abc123");
        assertThat(s.endpoint()).isEqualTo(URI.create("http://127.0.0.1:8099"));
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(s.readTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(s.toString()).doesNotContain("abc123");
        assertThat(s.withApiKey("").isOff()).isTrue();
    }

    @Test
    void malformedSettingsAreRejected() {
        AkismetSettings s = AkismetSettings.of("k", "https://magazine.example");

        assertThatThrownBy(() -> s.withEndpoint("rest.akismet.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.withEndpoint("ftp://rest.akismet.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AkismetSettings.read(k -> Optional.of("soon"), "https://magazine.example"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRequestKeepsItsValuesAndBlankMeansAbsent() {
        SpamCheckRequest r = SpamCheckRequest.builder().userIp("203.0.113.9").commentAuthor(" ").commentContent("Olá")
                .blogLang("pt").commentDateGmt(Instant.parse("2026-03-01T00:00:00Z")).commentContext("viagem")
                .honeypot("hp_field", null).build();

        assertThat(r.commentAuthor()).isEmpty();
        assertThat(r.commentContent()).hasValue("Olá");
        assertThat(r.honeypotValue()).hasValue("");
        assertThat(r.toBuilder().build()).isEqualTo(r);
        assertThat(r.asRecheck("edit")).isNotEqualTo(r);
        assertThat(r.asRecheck("edit").recheckReason()).hasValue("edit");
        assertThat(r.toString()).doesNotContain("203.0.113.9").doesNotContain("Olá");
    }

    @Test
    void aHoneypotCannotTakeTheNameOfARealParameter() {
        assertThatThrownBy(() -> SpamCheckRequest.builder().honeypot("comment_content", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpamCheckRequest.builder().honeypot("a b", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpamCheckRequest.builder().honeypot(null, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verdictsDescribeThemselves() {
        AkismetVerdict error = AkismetVerdict.error("Akismet answered HTTP 503").withDebugHelp("try later")
                .withAlert("10001", "Over quota");

        assertThat(error.isError()).isTrue();
        assertThat(error.isSpam()).isFalse();
        assertThat(error.describe()).isEqualTo("ERROR: Akismet answered HTTP 503 (Akismet: try later) [alert 10001 Over quota]");
        assertThat(AkismetVerdict.discard().isSpam()).isTrue();
        assertThat(AkismetVerdict.ham().withAlert(" ", null).alertCode()).isEmpty();
    }
}
