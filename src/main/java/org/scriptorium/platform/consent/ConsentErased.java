package org.scriptorium.platform.consent;

import java.util.Objects;

/**
 * A person asked to be erased: the consent log forgets every consent of this subject. Fired by the feature
 * that performs the erasure (the newsletter's back office), inside its transaction.
 *
 * @param subject the e-mail address or endpoint, as it was given in {@link ConsentGiven#subject()}
 */
public record ConsentErased(String subject) {

    public ConsentErased {
        Objects.requireNonNull(subject, "subject");
    }
}
