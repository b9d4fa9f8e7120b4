/**
 * Timers of the container that drive scheduled work (publishing translations whose time has come, comment
 * re-checks), and where Payara keeps the batch jobs' repository: in the data directory.
 */
package org.scriptorium.jobs.infrastructure;
