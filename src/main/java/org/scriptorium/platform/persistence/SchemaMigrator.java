package org.scriptorium.platform.persistence;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Brings the schema to the current version with the Flyway migrations under {@code db/migration}. One set
 * of migrations serves H2 and PostgreSQL; it runs before Hibernate validates the mapping against the schema.
 */
public final class SchemaMigrator {

    private SchemaMigrator() {
    }

    /** Applies every pending migration. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
