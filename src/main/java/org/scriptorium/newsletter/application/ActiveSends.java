package org.scriptorium.newsletter.application;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/** The editions whose sending job runs in this process, so that a resumed edition never gets two jobs here. */
@ApplicationScoped
public class ActiveSends {

    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    /** Registers a job for an edition; false if one already runs. */
    public boolean begin(long editionId) {
        return running.add(editionId);
    }

    public void end(long editionId) {
        running.remove(editionId);
    }

    public boolean isRunning(long editionId) {
        return running.contains(editionId);
    }
}
