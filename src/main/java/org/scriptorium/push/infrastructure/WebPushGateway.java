package org.scriptorium.push.infrastructure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import org.scriptorium.push.application.DeliveryResult;
import org.scriptorium.push.application.PushGateway;
import org.scriptorium.push.application.PushSettings;
import org.scriptorium.push.application.PushTarget;
import org.scriptorium.push.domain.VapidKeyPair;

/**
 * {@link PushGateway} over {@code java.net.http}: {@link WebPushMessage} encrypts the payload (aes128gcm,
 * RFC 8291) and signs the VAPID JWT (ES256, RFC 8292) with the JDK's own cryptography, and the request goes
 * out with the headers RFC 8030 asks for ({@code TTL}, {@code Content-Encoding}). No cryptography library is
 * packaged: the JDK has P-256, ECDH, HKDF's HMAC and AES-GCM, and a provider registered by one deployment
 * could not be used by the next.
 *
 * <p>Failure policy: nothing is thrown; a message that cannot be prepared is REJECTED, a push service that
 * cannot be reached is reported unreachable, and every answer is passed on with its status and
 * {@code Retry-After}. Connect timeout 10 s, whole request 20 s.
 */
@ApplicationScoped
public class WebPushGateway implements PushGateway {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final Clock clock;

    public WebPushGateway() {
        this(Clock.systemUTC());
    }

    WebPushGateway(Clock clock) {
        this.clock = clock;
    }

    @Override
    public DeliveryResult send(PushTarget target, byte[] payload, VapidKeyPair keys, PushSettings settings) {
        HttpRequest request;
        try {
            byte[] body = WebPushMessage.encrypt(payload, target.p256dh(), target.auth());
            request = HttpRequest.newBuilder(URI.create(target.endpoint())).timeout(TIMEOUT)
                    .header("TTL", String.valueOf(settings.timeToLive().toSeconds()))
                    .header("Content-Type", "application/octet-stream")
                    .header("Content-Encoding", "aes128gcm")
                    .header("Authorization", WebPushMessage.authorization(target.endpoint(), settings.subject(),
                            keys.getPublicKey(), keys.getPrivateKey(), clock.instant()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (GeneralSecurityException | RuntimeException e) {
            return new DeliveryResult(DeliveryResult.Status.REJECTED, 0, Optional.empty(), "cannot prepare: " + e);
        }
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body() == null ? "" : response.body();
            return DeliveryResult.of(response.statusCode(), retryAfter(response),
                    text.substring(0, Math.min(text.length(), 200)));
        } catch (IOException e) {
            return DeliveryResult.unreachable(String.valueOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.unreachable("interrupted");
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v.strip())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
