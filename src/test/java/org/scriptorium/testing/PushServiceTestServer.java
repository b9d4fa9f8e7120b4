package org.scriptorium.testing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A push service for tests, as a browser vendor runs one: a real HTTP server on the loopback interface that
 * accepts Web Push messages at the endpoints of subscriptions it handed out. Like a browser, each subscription
 * has its own P-256 key pair and 16-byte auth secret, made here with the JDK. Every message received is
 * checked and opened independently of the library the site uses: the VAPID JWT (RFC 8292) must be ES256-signed
 * by the key in the {@code Authorization} header, name this service's origin as audience and expire within a
 * day; the body is decrypted as aes128gcm (RFC 8188/8291) with the subscription's private key and secret.
 *
 * <p>A subscription can be made to answer 410 Gone (the browser dropped it); the whole service can answer 503
 * or be stopped and started again on the same port, to test retries.
 */
public final class PushServiceTestServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern VAPID = Pattern.compile("vapid t=([^,\\s]+),\\s*k=([A-Za-z0-9_-]+)");

    /** A subscription as a browser holds it: the endpoint and the keys (private half kept here). */
    public record BrowserSubscription(String id, String endpoint, KeyPair keys, byte[] auth) {

        /** The public key as the browser reports it: the uncompressed point, base64url. */
        public String p256dh() {
            return B64.encodeToString(point((ECPublicKey) keys.getPublic()));
        }

        public String authSecret() {
            return B64.encodeToString(auth);
        }

        /** {@code PushSubscription.toJSON()} as a browser sends it. */
        public String toJson() {
            return "{\"endpoint\":\"" + endpoint + "\",\"expirationTime\":null,\"keys\":{\"p256dh\":\"" + p256dh()
                    + "\",\"auth\":\"" + authSecret() + "\"}}";
        }
    }

    /** A message as received and opened: the subscription, the decrypted payload and the VAPID claims. */
    public record Received(String subscriptionId, String payload, JsonNode json, JsonNode claims, String vapidKey,
                           Map<String, List<String>> headers, Instant at) {
    }

    private int boundPort;
    private final Map<String, BrowserSubscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private volatile int attempts;
    private volatile boolean unavailable;
    private HttpServer server;
    private ExecutorService executor;

    private PushServiceTestServer() {
    }

    /** Starts on a free loopback port. */
    public static PushServiceTestServer start() throws IOException {
        PushServiceTestServer s = new PushServiceTestServer();
        s.listen(0);
        return s;
    }

    private void listen(int onPort) throws IOException {
        IOException last = null;
        for (int i = 0; i < 50; i++) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 50);
                last = null;
                break;
            } catch (IOException e) {
                last = e;
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        if (last != null) {
            throw last;
        }
        boundPort = server.getAddress().getPort();
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/push/", this::handle);
        server.start();
    }

    public int port() {
        return boundPort;
    }

    /** The origin, for the site's list of allowed push services. */
    public String origin() {
        return "http://127.0.0.1:" + boundPort;
    }

    /** A new subscription, as {@code pushManager.subscribe()} makes one in a browser. */
    public BrowserSubscription subscribe() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            byte[] auth = new byte[16];
            RANDOM.nextBytes(auth);
            byte[] idBytes = new byte[12];
            RANDOM.nextBytes(idBytes);
            String id = B64.encodeToString(idBytes);
            BrowserSubscription s = new BrowserSubscription(id, origin() + "/push/" + id, g.generateKeyPair(), auth);
            subscriptions.put(id, s);
            return s;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adopts a subscription made elsewhere (by a browser page through the test). */
    public void adopt(BrowserSubscription s) {
        subscriptions.put(s.id(), s);
    }

    /** From now on the subscription answers 410 Gone. */
    public void drop(BrowserSubscription s) {
        answer(s, 410);
    }

    /** From now on every message to the subscription gets this HTTP status (and is not delivered). */
    public void answer(BrowserSubscription s, int status) {
        answers.put(s.id(), status);
    }

    /** While true every message is answered 503 Service Unavailable. */
    public void unavailable(boolean value) {
        unavailable = value;
    }

    /** Stops listening: connections are refused until {@link #restart()}. */
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Listens again on the same port. */
    public void restart() throws IOException {
        listen(boundPort);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> receivedBy(BrowserSubscription s) {
        return received.stream().filter(r -> r.subscriptionId().equals(s.id())).toList();
    }

    /** Requests that could not be verified or opened; should stay empty. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Every POST that reached the service, whatever it answered. */
    public int attempts() {
        return attempts;
    }

    /** Waits until at least {@code count} messages were received, or the time is up; returns what arrived. */
    public List<Received> await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return received();
    }

    private void handle(HttpExchange exchange) throws IOException {
        attempts++;
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String id = exchange.getRequestURI().getPath().substring("/push/".length());
            BrowserSubscription s = subscriptions.get(id);
            if (!"POST".equals(exchange.getRequestMethod()) || s == null) {
                answer(exchange, 404);
                return;
            }
            if (unavailable) {
                answer(exchange, 503);
                return;
            }
            Integer forced = answers.get(id);
            if (forced != null) {
                answer(exchange, forced);
                return;
            }
            try {
                Received r = open(s, exchange, body);
                received.add(r);
                exchange.getResponseHeaders().add("Location", origin() + "/message/" + received.size());
                answer(exchange, 201);
            } catch (Exception e) {
                problems.add(id + ": " + e);
                answer(exchange, 400);
            }
        }
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }

    private Received open(BrowserSubscription s, HttpExchange exchange, byte[] body) throws Exception {
        var headers = exchange.getRequestHeaders();
        if (!"aes128gcm".equals(headers.getFirst("Content-Encoding"))) {
            throw new IllegalStateException("Content-Encoding " + headers.getFirst("Content-Encoding"));
        }
        if (headers.getFirst("TTL") == null) {
            throw new IllegalStateException("no TTL");
        }
        String authorization = headers.getFirst("Authorization");
        Matcher m = authorization == null ? null : VAPID.matcher(authorization);
        if (m == null || !m.matches()) {
            throw new IllegalStateException("no VAPID authorization: " + authorization);
        }
        JsonNode claims = verifyJwt(m.group(1), m.group(2));
        String plaintext = new String(decrypt(s, body), StandardCharsets.UTF_8);
        return new Received(s.id(), plaintext, JSON.readTree(plaintext), claims, m.group(2), Map.copyOf(headers),
                Instant.now());
    }

    /** Checks the ES256 signature with the VAPID public key and the audience, expiry and subject claims. */
    private JsonNode verifyJwt(String jwt, String key) throws Exception {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalStateException("JWT in " + parts.length + " parts");
        }
        JsonNode header = JSON.readTree(D64.decode(parts[0]));
        if (!"ES256".equals(header.path("alg").asText())) {
            throw new IllegalStateException("JWT alg " + header);
        }
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(publicKey(D64.decode(key)));
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        if (!verifier.verify(D64.decode(parts[2]))) {
            throw new IllegalStateException("VAPID signature does not verify");
        }
        JsonNode claims = JSON.readTree(D64.decode(parts[1]));
        if (!origin().equals(claims.path("aud").asText())) {
            throw new IllegalStateException("aud " + claims.path("aud") + " is not " + origin());
        }
        long exp = claims.path("exp").asLong();
        long now = Instant.now().getEpochSecond();
        if (exp <= now || exp > now + 24 * 3600) {
            throw new IllegalStateException("exp " + exp + " not within a day");
        }
        String sub = claims.path("sub").asText();
        if (!sub.startsWith("mailto:") && !sub.startsWith("https:")) {
            throw new IllegalStateException("sub " + sub);
        }
        return claims;
    }

    /** RFC 8291 with RFC 8188 aes128gcm, one record. */
    static byte[] decrypt(BrowserSubscription s, byte[] body) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int recordSize = in.getInt();
        int idLength = in.get() & 0xff;
        byte[] serverKey = new byte[idLength];
        in.get(serverKey);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        if (idLength != 65 || ciphertext.length > recordSize) {
            throw new IllegalStateException("header: keyid " + idLength + ", rs " + recordSize);
        }
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(s.keys().getPrivate());
        agreement.doPhase(publicKey(serverKey), true);
        byte[] ecdhSecret = agreement.generateSecret();
        byte[] uaPublic = point((ECPublicKey) s.keys().getPublic());
        byte[] keyInfo = concat("WebPush: info".getBytes(StandardCharsets.US_ASCII), new byte[] {0}, uaPublic, serverKey);
        byte[] ikm = hkdf(s.auth(), ecdhSecret, keyInfo, 32);
        byte[] cek = hkdf(salt, ikm, concat("Content-Encoding: aes128gcm".getBytes(StandardCharsets.US_ASCII),
                new byte[] {0}), 16);
        byte[] nonce = hkdf(salt, ikm, concat("Content-Encoding: nonce".getBytes(StandardCharsets.US_ASCII),
                new byte[] {0}), 12);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = aes.doFinal(ciphertext);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new IllegalStateException("last record delimiter missing");
        }
        return Arrays.copyOf(padded, end);
    }

    private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] prk = mac.doFinal(ikm);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        byte[] okm = mac.doFinal(concat(info, new byte[] {1}));
        return Arrays.copyOf(okm, length);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    static byte[] point(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        System.arraycopy(fixed(key.getW().getAffineX()), 0, out, 1, 32);
        System.arraycopy(fixed(key.getW().getAffineY()), 0, out, 33, 32);
        return out;
    }

    private static byte[] fixed(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }

    static PublicKey publicKey(byte[] uncompressed) throws GeneralSecurityException {
        if (uncompressed.length != 65 || uncompressed[0] != 4) {
            throw new IllegalStateException("not an uncompressed P-256 point");
        }
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, spec));
    }

    /** The path part of an endpoint, for matching. */
    public static String pathOf(String endpoint) {
        return URI.create(endpoint).getPath();
    }

    /** Every subscription handed out. */
    public List<BrowserSubscription> subscriptions() {
        return new ArrayList<>(subscriptions.values());
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
