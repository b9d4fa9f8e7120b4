package org.scriptorium.newsletter.application;

/**
 * What a CSV import did.
 *
 * @param added      new subscribers (confirmed, or pending with an opt-in message sent)
 * @param existing   addresses already known, left as they were
 * @param suppressed erased addresses that were not brought back
 * @param invalid    lines without a valid address
 */
public record ImportReport(int added, int existing, int suppressed, int invalid) {
}
