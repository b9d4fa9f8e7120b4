package org.scriptorium.push.infrastructure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Provider;
import java.security.Security;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import nl.martijndwars.webpush.AbstractPushService;
import nl.martijndwars.webpush.Encoding;
import nl.martijndwars.webpush.Notification;
import nl.martijndwars.webpush.Utils;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jose4j.lang.JoseException;
import org.scriptorium.push.application.DeliveryResult;
import org.scriptorium.push.application.PushGateway;
import org.scriptorium.push.application.PushSettings;
import org.scriptorium.push.application.PushTarget;
import org.scriptorium.push.domain.VapidKeyPair;

/**
 * {@link PushGateway} with the {@code nl.martijndwars:web-push} library: it encrypts the payload (aes128gcm,
 * RFC 8291) and signs the VAPID JWT (ES256, RFC 8292); the request it prepares is sent with
 * {@code java.net.http}. The library needs the Bouncy Castle provider, which is registered on first use (and
 * replaced if an earlier deployment left its own, whose classes this deployment could not use).
 */
@ApplicationScoped
public class WebPushGateway implements PushGateway {

    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile Preparer preparer;

    /** Exposes the library's request preparation (encryption, headers, VAPID) without its HTTP clients. */
    private static final class Preparer extends AbstractPushService<Preparer> {

        private final String publicKey;
        private final String subject;

        Preparer(VapidKeyPair keys, String subject) throws GeneralSecurityException {
            super(new KeyPair(Utils.loadPublicKey(keys.getPublicKey()), Utils.loadPrivateKey(keys.getPrivateKey())),
                    subject);
            this.publicKey = keys.getPublicKey();
            this.subject = subject;
        }

        nl.martijndwars.webpush.HttpRequest prepare(Notification notification)
                throws GeneralSecurityException, IOException, JoseException {
            return prepareRequest(notification, Encoding.AES128GCM);
        }
    }

    /**
     * The library names the push service's origin without its port in the VAPID audience; RFC 8292 asks for the
     * origin, which includes a port other than the scheme's default. Real push services listen on 443, where
     * both agree; a service on another port (such as the one the tests run) needs the port.
     */
    static final class OriginAwareNotification extends Notification {

        OriginAwareNotification(String endpoint, String p256dh, String auth, byte[] payload, int ttl)
                throws GeneralSecurityException {
            super(endpoint, p256dh, auth, payload, ttl);
        }

        @Override
        public String getOrigin() {
            URI uri = URI.create(getEndpoint());
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean standard = port < 0 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
            return scheme + "://" + uri.getHost() + (standard ? "" : ":" + port);
        }
    }

    @Override
    public DeliveryResult send(PushTarget target, byte[] payload, VapidKeyPair keys, PushSettings settings) {
        nl.martijndwars.webpush.HttpRequest prepared;
        try {
            ensureProvider();
            Notification notification = new OriginAwareNotification(target.endpoint(), target.p256dh(), target.auth(),
                    payload, (int) settings.timeToLive().toSeconds());
            prepared = preparer(keys, settings.subject()).prepare(notification);
        } catch (GeneralSecurityException | IOException | JoseException | RuntimeException e) {
            return new DeliveryResult(DeliveryResult.Status.REJECTED, 0, Optional.empty(), "cannot prepare: " + e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(prepared.getUrl())).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(prepared.getBody()));
        for (Map.Entry<String, String> h : prepared.getHeaders().entrySet()) {
            if (!RESTRICTED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                request.header(h.getKey(), h.getValue());
            }
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body() == null ? "" : response.body();
            return DeliveryResult.of(response.statusCode(), retryAfter(response),
                    body.substring(0, Math.min(body.length(), 200)));
        } catch (IOException e) {
            return DeliveryResult.unreachable(String.valueOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.unreachable("interrupted");
        }
    }

    private Preparer preparer(VapidKeyPair keys, String subject) throws GeneralSecurityException {
        Preparer p = preparer;
        if (p == null || !p.publicKey.equals(keys.getPublicKey()) || !p.subject.equals(subject)) {
            p = new Preparer(keys, subject);
            preparer = p;
        }
        return p;
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

    /** Registers this class loader's Bouncy Castle provider under the name the library asks for. */
    static synchronized void ensureProvider() {
        Provider present = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (present != null && present.getClass() == BouncyCastleProvider.class) {
            return;
        }
        if (present != null) {
            Security.removeProvider(BouncyCastleProvider.PROVIDER_NAME);
        }
        Security.addProvider(new BouncyCastleProvider());
    }

    @PreDestroy
    void release() {
        Provider present = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (present != null && present.getClass() == BouncyCastleProvider.class) {
            Security.removeProvider(BouncyCastleProvider.PROVIDER_NAME);
        }
    }
}
