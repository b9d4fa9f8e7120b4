package org.scriptorium.platform.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Declares the application's pooled, JTA-enlisted data source. The URL and credentials are placeholders:
 * {@link ConfiguredDataSource} reads the real ones from the configuration.
 */
@DataSourceDefinition(
        name = DataSourceDeclaration.JNDI_NAME,
        className = "org.scriptorium.platform.persistence.ConfiguredDataSource",
        url = "jdbc:configured",
        minPoolSize = 1,
        maxPoolSize = 32,
        initialPoolSize = 1,
        maxIdleTime = 300)
@ApplicationScoped
public class DataSourceDeclaration {

    public static final String JNDI_NAME = "java:app/jdbc/scriptorium";
}
