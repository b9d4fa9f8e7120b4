package org.scriptorium.platform.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.scriptorium.platform.persistence.DataSourceDeclaration;

/** Ready while the database answers; a load balancer stops sending readers to a node whose database is gone. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "database";

    @Resource(lookup = DataSourceDeclaration.JNDI_NAME)
    private DataSource dataSource;

    protected DatabaseReadiness() {
    }

    public DatabaseReadiness(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        return problem(dataSource)
                .map(error -> HealthCheckResponse.named(NAME).down().withData("error", error).build())
                .orElseGet(() -> HealthCheckResponse.up(NAME));
    }

    /** Why the database does not answer, or empty when it does. */
    public static Optional<String> problem(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? Optional.empty() : Optional.of("connection not valid");
        } catch (SQLException | RuntimeException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }
}
