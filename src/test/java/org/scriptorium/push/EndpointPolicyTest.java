package org.scriptorium.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.scriptorium.push.application.PushSettings;
import org.scriptorium.push.domain.EndpointPolicy;
import org.scriptorium.push.domain.NotificationPayload;

/** Which endpoints a subscription may name, the backoff, and the payload's JSON. */
class EndpointPolicyTest {

    @Test
    void onlyTheBrowsersPushServicesAreAcceptedByDefault() {
        EndpointPolicy policy = EndpointPolicy.of(EndpointPolicy.DEFAULT);
        assertThat(policy.allows("https://fcm.googleapis.com/fcm/send/abc:def")).isTrue();
        assertThat(policy.allows("https://updates.push.services.mozilla.com/wpush/v2/gAAAA")).isTrue();
        assertThat(policy.allows("https://wns2-par02p.notify.windows.com/w/?token=x")).isTrue();
        assertThat(policy.allows("https://web.push.apple.com/QGuQ")).isTrue();
        assertThat(policy.allows("http://fcm.googleapis.com/fcm/send/abc")).as("plain http").isFalse();
        assertThat(policy.allows("https://fcm.googleapis.com:8443/fcm/send/abc")).as("other port").isFalse();
        assertThat(policy.allows("https://evilgoogleapis.com/x")).isFalse();
        assertThat(policy.allows("https://user@fcm.googleapis.com/x")).isFalse();
        assertThat(policy.allows("https://127.0.0.1/x")).isFalse();
        assertThat(policy.allows("file:///etc/passwd")).isFalse();
        assertThat(policy.allows("not a url")).isFalse();
        assertThat(policy.allows(null)).isFalse();
    }

    @Test
    void aTestServiceOnAnyPortCanBeAllowed() {
        EndpointPolicy policy = EndpointPolicy.of("http://127.0.0.1:*, https://push.example");
        assertThat(policy.allows("http://127.0.0.1:41234/push/x")).isTrue();
        assertThat(policy.allows("http://localhost:41234/push/x")).isFalse();
        assertThat(policy.allows("https://push.example/x")).isTrue();
        assertThat(policy.allows("https://push.example:444/x")).isFalse();
    }

    @Test
    void pausesDoubleUpToAnHour() {
        PushSettings s = new PushSettings(EndpointPolicy.of(EndpointPolicy.DEFAULT), "mailto:a@b.c", Duration.ofSeconds(30),
                10, Duration.ofDays(1));
        assertThat(s.pauseAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.pauseAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.pauseAfter(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(s.pauseAfter(9)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void thePayloadIsCompactEscapedJsonWithShortenedTexts() {
        NotificationPayload p = new NotificationPayload("Il \"caffè\"\n", "x ".repeat(400), null, "https://s.example/it/a",
                "it", "t1");
        assertThat(p.title()).isEqualTo("Il \"caffè\"");
        assertThat(p.body()).hasSizeLessThanOrEqualTo(NotificationPayload.BODY_MAX).endsWith("…");
        assertThat(p.toJson()).startsWith("{\"title\":\"Il \\\"caffè\\\"\",\"body\":\"x x")
                .endsWith("\"url\":\"https://s.example/it/a\",\"lang\":\"it\",\"tag\":\"t1\"}").doesNotContain("icon");
    }
}
