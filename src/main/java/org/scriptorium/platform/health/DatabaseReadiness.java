package org.scriptorium.platform.health;

import java.sql.Connection;
import java.sql.SQLException;

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
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(2)) {
                return HealthCheckResponse.up(NAME);
            }
            return HealthCheckResponse.named(NAME).down().withData("error", "connection not valid").build();
        } catch (SQLException | RuntimeException e) {
            return HealthCheckResponse.named(NAME).down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
