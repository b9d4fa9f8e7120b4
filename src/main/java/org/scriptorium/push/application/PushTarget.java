package org.scriptorium.push.application;

/** Where and for whom a message is encrypted: the endpoint and the subscription's public key and auth secret. */
public record PushTarget(String endpoint, String p256dh, String auth) {
}
