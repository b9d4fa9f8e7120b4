package org.scriptorium.push.application;

import org.scriptorium.push.domain.VapidKeyPair;

/**
 * Sends one encrypted Web Push message (RFC 8030) with VAPID authentication (RFC 8292) and aes128gcm content
 * encryption (RFC 8291). Implemented in infrastructure; never throws for an answer
 * of the push service or a network failure, it reports them.
 */
public interface PushGateway {

    DeliveryResult send(PushTarget target, byte[] payload, VapidKeyPair keys, PushSettings settings);
}
