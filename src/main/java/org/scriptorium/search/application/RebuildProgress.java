package org.scriptorium.search.application;

import java.time.Instant;

/**
 * Where a rebuild of the index stands.
 *
 * @param running   a rebuild is under way
 * @param done      documents written so far
 * @param total     documents to write (0 until known)
 * @param finishedAt when the last rebuild ended, or null
 * @param failure   why the last rebuild failed, or null
 */
public record RebuildProgress(boolean running, long done, long total, Instant finishedAt, String failure) {

    /** Percentage done, 0 to 100. */
    public int percent() {
        if (total <= 0) {
            return running ? 0 : (finishedAt == null ? 0 : 100);
        }
        return (int) Math.min(100, done * 100 / total);
    }
}
