package org.scriptorium.push.application;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.push.domain.VapidKeyPair;
import org.scriptorium.push.domain.VapidKeyRepository;

/**
 * The site's VAPID key pair: read from the database, generated there the first time it is needed (a P-256 key
 * pair from the JDK's generator) and never changed afterwards, since every subscription is bound to it. Should
 * two nodes generate at the very same first moment, one insert fails and that request is answered from the
 * winner's row on the next call.
 */
@ApplicationScoped
@Transactional
public class PushKeys {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private VapidKeyRepository keys;
    private Clock clock;
    private volatile VapidKeyPair known;

    protected PushKeys() {
    }

    @Inject
    public PushKeys(VapidKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** The key pair, generated and stored on first use. */
    public VapidKeyPair current() {
        VapidKeyPair k = known;
        if (k == null) {
            k = keys.find().orElseGet(() -> keys.save(generate()));
            known = k;
        }
        return k;
    }

    /** The public key as browsers want it for {@code applicationServerKey}: the uncompressed point, base64url. */
    public String publicKey() {
        return current().getPublicKey();
    }

    private VapidKeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            ECPrivateKey priv = (ECPrivateKey) pair.getPrivate();
            return new VapidKeyPair(URL.encodeToString(uncompressedPoint((ECPublicKey) pair.getPublic())),
                    URL.encodeToString(fixed(priv.getS())), clock.instant());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java has no P-256 key generator", e);
        }
    }

    /** A P-256 public key as Web Push writes it: 0x04, then X and Y as 32 big-endian bytes each. */
    public static byte[] uncompressedPoint(ECPublicKey key) {
        byte[] point = new byte[65];
        point[0] = 0x04;
        System.arraycopy(fixed(key.getW().getAffineX()), 0, point, 1, 32);
        System.arraycopy(fixed(key.getW().getAffineY()), 0, point, 33, 32);
        return point;
    }

    /** A non-negative integer as exactly 32 big-endian bytes. */
    private static byte[] fixed(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }
}
