package org.scriptorium.push.infrastructure;

import java.math.BigInteger;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.scriptorium.push.application.PushKeys;

/**
 * One Web Push message made with the JDK's own cryptography: the payload encrypted for one subscription
 * (aes128gcm content coding, RFC 8188, keyed as RFC 8291 says) and the VAPID authorization (an ES256 JWT,
 * RFC 8292). Nothing here talks to the network; {@link WebPushGateway} sends the result.
 *
 * <p>Encryption: a fresh P-256 key pair per message; ECDH with the browser's key ({@code p256dh}); HKDF with the
 * browser's auth secret gives the input keying material; HKDF with a random salt gives the content key and
 * nonce; the payload, followed by the last-record delimiter {@code 0x02}, is sealed with AES-128-GCM in one
 * record. The body is the aes128gcm header (salt, record size, our public key) followed by that record.
 */
final class WebPushMessage {

    /** The record size announced in the header; one record carries the whole payload. */
    static final int RECORD_SIZE = 4096;
    /** The largest payload one record can carry (record size less the delimiter and the GCM tag). */
    static final int MAX_PAYLOAD = RECORD_SIZE - 1 - 16;
    /** How long a VAPID signature is valid (RFC 8292 allows at most 24 hours). */
    static final long JWT_SECONDS = 12 * 3600;

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ECParameterSpec P256 = p256();

    private WebPushMessage() {
    }

    /** The encrypted body for a subscription ({@code p256dh} and {@code auth} as the browser gave them). */
    static byte[] encrypt(byte[] payload, String p256dh, String auth) throws GeneralSecurityException {
        if (payload.length > MAX_PAYLOAD) {
            throw new GeneralSecurityException("payload of " + payload.length + " bytes is over " + MAX_PAYLOAD);
        }
        byte[] uaPublic = D64.decode(p256dh.strip());
        byte[] authSecret = D64.decode(auth.strip());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ephemeral = generator.generateKeyPair();
        byte[] asPublic = PushKeys.uncompressedPoint((ECPublicKey) ephemeral.getPublic());

        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(ephemeral.getPrivate());
        agreement.doPhase(publicKey(uaPublic), true);
        byte[] ecdhSecret = agreement.generateSecret();

        byte[] keyInfo = concat(ascii("WebPush: info"), new byte[] {0}, uaPublic, asPublic);
        byte[] ikm = hkdf(authSecret, ecdhSecret, keyInfo, 32);
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] cek = hkdf(salt, ikm, concat(ascii("Content-Encoding: aes128gcm"), new byte[] {0}), 16);
        byte[] nonce = hkdf(salt, ikm, concat(ascii("Content-Encoding: nonce"), new byte[] {0}), 12);

        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] record = aes.doFinal(concat(payload, new byte[] {2}));

        ByteBuffer body = ByteBuffer.allocate(16 + 4 + 1 + asPublic.length + record.length);
        body.put(salt).putInt(RECORD_SIZE).put((byte) asPublic.length).put(asPublic).put(record);
        return body.array();
    }

    /**
     * The {@code Authorization} header value for a push service endpoint: {@code vapid t=<JWT>, k=<public key>},
     * the JWT naming the endpoint's origin (with its port when it is not the scheme's default), an expiry
     * {@link #JWT_SECONDS} from now and the subject (a {@code mailto:} or {@code https:} contact).
     */
    static String authorization(String endpoint, String subject, String publicKey, String privateKey, Instant now)
            throws GeneralSecurityException {
        String header = B64.encodeToString(ascii("{\"typ\":\"JWT\",\"alg\":\"ES256\"}"));
        String claims = B64.encodeToString(("{\"aud\":" + jsonString(origin(endpoint)) + ",\"exp\":"
                + (now.getEpochSecond() + JWT_SECONDS) + ",\"sub\":" + jsonString(subject) + "}")
                .getBytes(StandardCharsets.UTF_8));
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(privateKey(D64.decode(privateKey.strip())));
        signer.update(ascii(header + "." + claims));
        String jwt = header + "." + claims + "." + B64.encodeToString(signer.sign());
        return "vapid t=" + jwt + ", k=" + publicKey;
    }

    /** The origin of a URL as RFC 6454 defines it: scheme, host and a port other than the scheme's default. */
    static String origin(String endpoint) {
        URI uri = URI.create(endpoint);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean standard = port < 0 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (standard ? "" : ":" + port);
    }

    private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] prk = mac.doFinal(ikm);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update(info);
        mac.update((byte) 1);
        return Arrays.copyOf(mac.doFinal(), length);
    }

    private static PublicKey publicKey(byte[] uncompressed) throws GeneralSecurityException {
        if (uncompressed.length != 65 || uncompressed[0] != 4) {
            throw new GeneralSecurityException("not an uncompressed P-256 point");
        }
        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, P256));
    }

    private static PrivateKey privateKey(byte[] scalar) throws GeneralSecurityException {
        return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), P256));
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java has no P-256 curve", e);
        }
    }

    private static String jsonString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        for (byte[] p : parts) {
            out.put(p);
        }
        return out.array();
    }
}
