/** A {@link org.scriptorium.consent.domain.ConsentRecord} per consent and its repository. */
package org.scriptorium.consent.domain;
