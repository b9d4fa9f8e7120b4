package org.scriptorium.push.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.scriptorium.push.application.PushKeys;

/**
 * The parts of a Web Push message that the push service test server does not show on its own: the VAPID
 * audience, the payload limit and the aes128gcm header. The encryption and the signature themselves are
 * checked end to end by {@code PushDeliveryTest}, against a server that decrypts and verifies every message.
 */
class WebPushMessageTest {

    @Test
    void theAudienceIsTheEndpointsOriginWithAPortOnlyWhenItIsNotTheDefault() {
        assertThat(WebPushMessage.origin("https://fcm.googleapis.com/fcm/send/abc")).isEqualTo("https://fcm.googleapis.com");
        assertThat(WebPushMessage.origin("https://Push.Example.org:443/x")).isEqualTo("https://push.example.org");
        assertThat(WebPushMessage.origin("http://127.0.0.1:8443/push/1")).isEqualTo("http://127.0.0.1:8443");
    }

    @Test
    void theBodyStartsWithTheSaltTheRecordSizeAndTheSendersPublicKeyAndAPayloadTooLargeIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        ECPublicKey browser = (ECPublicKey) generator.generateKeyPair().getPublic();
        byte[] point = PushKeys.uncompressedPoint(browser);
        String p256dh = Base64.getUrlEncoder().withoutPadding().encodeToString(point);
        String auth = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]);

        byte[] payload = "{\"title\":\"Ciao\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = WebPushMessage.encrypt(payload, p256dh, auth);
        ByteBuffer in = ByteBuffer.wrap(body);
        in.position(16);
        assertThat(in.getInt()).isEqualTo(WebPushMessage.RECORD_SIZE);
        assertThat(in.get()).isEqualTo((byte) 65);
        assertThat(body[21]).as("an uncompressed point").isEqualTo((byte) 4);
        assertThat(body.length).as("header, payload, delimiter and tag").isEqualTo(16 + 4 + 1 + 65 + payload.length + 1 + 16);

        assertThatThrownBy(() -> WebPushMessage.encrypt(new byte[WebPushMessage.MAX_PAYLOAD + 1], p256dh, auth))
                .isInstanceOf(GeneralSecurityException.class);
    }
}
