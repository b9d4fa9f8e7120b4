package org.scriptorium.platform.persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.spi.PersistenceUnitInfo;

import org.hibernate.jpa.HibernatePersistenceProvider;
import org.scriptorium.platform.config.Settings;
import org.scriptorium.search.infrastructure.IndexDirectoryGuard;

/**
 * Hibernate, preceded by what must happen before it boots inside the container: the data directory and
 * database checks, the Flyway migrations, and the settings that depend on configuration (the SQL dialect,
 * which follows the database URL). A start-up fault is logged as one line naming the key to fix, and the
 * process stops (unless {@code scriptorium.exit.on.fatal} is false) instead of running without a database.
 * The search index lives under the data directory's {@code index/}; one that Lucene cannot open is removed
 * here, before Hibernate Search opens it, and rebuilt from the database once the application runs.
 * <p>
 * The checks and the migrations run on the deployment thread, so every fault that {@link #fatal} reports stops
 * the process from there (from another thread, {@code System.exit} waited for Payara's shutdown hook, which
 * waited for the deployment: the process hung). Hibernate then boots on a thread of its own while Payara deploys
 * the rest of the application ({@link EntityManagerFactoryInBackground}): 1 to 2 s less to the first page on the
 * 2-core machines. Payara's web class loader lets one thread load classes at a time, which is why the gain is not
 * the whole 4 s of the build.
 */
public class ScriptoriumPersistenceProvider extends HibernatePersistenceProvider {

    private static final Logger LOG = Logger.getLogger(ScriptoriumPersistenceProvider.class.getName());

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public EntityManagerFactory createContainerEntityManagerFactory(PersistenceUnitInfo info, Map properties) {
        Settings settings = Settings.load();
        DataSource dataSource = info.getJtaDataSource() != null ? info.getJtaDataSource() : info.getNonJtaDataSource();
        try {
            StartupChecks.checkDataDir(settings);
            StartupChecks.checkDatabase(settings, dataSource);
            SchemaMigrator.migrate(dataSource);
            IndexDirectoryGuard.removeUnreadable(settings.indexDir());
        } catch (StartupFailure failure) {
            return fatal(settings, failure);
        } catch (RuntimeException e) {
            return fatal(settings, new StartupFailure(Settings.envName(Settings.DB_URL)
                    + ": the database schema could not be migrated (" + e.getMessage() + ")."));
        }
        Map<String, Object> merged = new HashMap<>(properties == null ? Map.of() : properties);
        merged.putAll(configuredProperties(settings));
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return EntityManagerFactoryInBackground.start(loader, () -> {
            try {
                return super.createContainerEntityManagerFactory(info, merged);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Scriptorium cannot start: the persistence unit could not be built.", e);
                throw e;
            }
        });
    }

    /** Hibernate properties that follow from the start-up configuration. */
    public static Map<String, Object> configuredProperties(Settings settings) {
        Map<String, Object> props = new HashMap<>();
        props.put("hibernate.dialect", settings.isPostgres()
                ? "org.hibernate.dialect.PostgreSQLDialect"
                : "org.hibernate.dialect.H2Dialect");
        props.put("hibernate.search.backend.directory.root", settings.indexDir().toString());
        return props;
    }

    private static EntityManagerFactory fatal(Settings settings, StartupFailure failure) {
        LOG.log(Level.SEVERE, "Scriptorium cannot start. {0}", failure.getMessage());
        if (settings.exitOnFatal()) {
            System.exit(78);
        }
        throw failure;
    }
}
