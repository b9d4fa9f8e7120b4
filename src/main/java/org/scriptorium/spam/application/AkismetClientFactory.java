package org.scriptorium.spam.application;

/** Makes an {@link AkismetClient} for given settings; the infrastructure decides what carries the calls. */
@FunctionalInterface
public interface AkismetClientFactory {

    AkismetClient create(AkismetSettings settings);
}
