package org.scriptorium.push.domain;

import java.util.Optional;

/** Access to the site's one VAPID key pair. */
public interface VapidKeyRepository {

    Optional<VapidKeyPair> find();

    VapidKeyPair save(VapidKeyPair keys);
}
