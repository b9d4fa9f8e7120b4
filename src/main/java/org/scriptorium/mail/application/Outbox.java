package org.scriptorium.mail.application;

import java.util.List;
import java.util.Optional;

import org.scriptorium.mail.domain.OutboxEntry;

/** The messages written to the file outbox, newest first, as the back office shows them. */
public interface Outbox {

    /** At most {@code limit} entries, newest first. */
    List<OutboxEntry> latest(int limit);

    /** How many messages the outbox holds. */
    long count();

    /** The raw message (RFC 5322 text) of one entry; empty for an unknown or unsafe name. */
    Optional<String> read(String name);
}
