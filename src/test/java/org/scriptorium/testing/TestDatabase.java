package org.scriptorium.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;

import org.h2.jdbcx.JdbcConnectionPool;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.scriptorium.platform.persistence.ConfiguredDataSource;
import org.scriptorium.platform.persistence.SchemaMigrator;

/**
 * A fresh, migrated database with the application's persistence unit bootstrapped outside the container.
 * H2 in memory by default; a new PostgreSQL database on 127.0.0.1:5432 when the system property
 * {@code scriptorium.test.db} is {@code postgres} (Maven: {@code -Ppostgres}).
 */
public final class TestDatabase implements AutoCloseable {

    /** Enough for the 200-poster comment test's nested transactions, well under PostgreSQL's 100. */
    private static final int MAX_POOLED_CONNECTIONS = 60;

    private final String url;
    private final DataSource dataSource;
    private final EntityManagerFactory emf;
    private final String pgDatabase;
    private final JdbcConnectionPool pool;

    private TestDatabase(String url, DataSource dataSource, JdbcConnectionPool pool, String pgDatabase) {
        this.url = url;
        this.dataSource = dataSource;
        this.pool = pool;
        this.pgDatabase = pgDatabase;
        SchemaMigrator.migrate(dataSource);
        Map<String, Object> props = new HashMap<>();
        props.put("jakarta.persistence.provider", HibernatePersistenceProvider.class.getName());
        props.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        props.put("jakarta.persistence.nonJtaDataSource", dataSource);
        props.put("hibernate.transaction.jta.platform",
                "org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform");
        props.put("hibernate.search.backend.directory.type", "local-heap");
        props.put("hibernate.search.indexing.plan.synchronization.strategy", "sync");
        props.put("hibernate.dialect", isPostgres() ? "org.hibernate.dialect.PostgreSQLDialect"
                : "org.hibernate.dialect.H2Dialect");
        this.emf = Persistence.createEntityManagerFactory("scriptorium", props);
    }

    public static boolean postgresRequested() {
        return "postgres".equalsIgnoreCase(System.getProperty("scriptorium.test.db", "h2"));
    }

    /** Creates a new, empty, migrated database of the requested kind. */
    public static TestDatabase create() {
        if (postgresRequested()) {
            String base = System.getProperty("scriptorium.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
            String name = "scriptorium_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            DataSource admin = ConfiguredDataSource.forUrl(base, "postgres", "");
            execute(admin, "create database " + name);
            String url = base.substring(0, base.lastIndexOf('/') + 1) + name;
            JdbcConnectionPool pool = pooled(url);
            return new TestDatabase(url, pool, pool, name);
        }
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        return new TestDatabase(url, ConfiguredDataSource.forUrl(url, "", ""), null, null);
    }

    /**
     * Connections to a PostgreSQL test database are pooled, as the container pools them: a new connection
     * costs PostgreSQL a process, and tests that read settings in nested transactions from many threads would
     * otherwise spend their time connecting. The pool is disposed before the database is dropped.
     */
    private static JdbcConnectionPool pooled(String url) {
        PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
        pg.setURL(url);
        pg.setUser("postgres");
        pg.setPassword("");
        pg.setConnectTimeout(10);
        pg.setLoginTimeout(10);
        JdbcConnectionPool pool = JdbcConnectionPool.create(pg);
        pool.setMaxConnections(MAX_POOLED_CONNECTIONS);
        return pool;
    }

    public boolean isPostgres() {
        return pgDatabase != null;
    }

    public String url() {
        return url;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public EntityManagerFactory emf() {
        return emf;
    }

    /** Runs work in one transaction on a new entity manager, committing at the end. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        tx.begin();
        try {
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    public void run(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    private static void execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        emf.close();
        if (pool != null) {
            pool.dispose();
        }
        if (pgDatabase != null) {
            String base = System.getProperty("scriptorium.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
            execute(ConfiguredDataSource.forUrl(base, "postgres", ""), "drop database if exists " + pgDatabase + " with (force)");
        } else {
            execute(dataSource, "shutdown");
        }
    }
}
