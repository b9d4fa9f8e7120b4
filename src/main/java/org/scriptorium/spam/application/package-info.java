/**
 * Ports and settings of the spam defence: {@link org.scriptorium.spam.application.AkismetClient} is what the
 * comment pipeline talks to, whatever carries the calls.
 */
package org.scriptorium.spam.application;
