/**
 * The relational database: the configurable data source, start-up checks, Flyway migrations and the
 * Hibernate persistence provider that runs them before the schema is validated.
 */
package org.scriptorium.platform.persistence;
