/** Timers of the container that drive scheduled work: publishing translations whose time has come. */
package org.scriptorium.jobs.infrastructure;
