package org.scriptorium.jobs.infrastructure;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.scriptorium.platform.config.Settings;

/**
 * Puts Payara's Jakarta Batch job repository in the data directory ({@code <data dir>/batch/jbatch}), so job
 * history lives with the rest of the site's state and survives a restart, whatever root directory Payara was
 * started with (plain Payara Micro keeps its own state in a temporary folder).
 *
 * <p>Payara keeps the repository in the H2 pool behind {@code jdbc/__default}. That pool opens its first
 * connection only when the batch runtime first needs it, so pointing its URL at the data directory before any
 * job starts is enough: this runs once when the application starts and again, as a no-op, before each job is
 * started. The change goes through Payara Micro's own administration API (an asadmin {@code set}), looked up
 * reflectively because no other server offers it.
 *
 * <p>Failure policy: on a server that is not Payara Micro, or when the command fails, one warning is logged
 * and Payara's default location stays in use. Nothing depends on the repository for correctness (the
 * newsletter's delivery records say what is left to send), so the site starts either way.
 */
@ApplicationScoped
public class JobRepositoryLocation {

    static final String POOL_URL = "resources.jdbc-connection-pool.H2Pool.property.URL";
    private static final Logger LOG = Logger.getLogger(JobRepositoryLocation.class.getName());

    @Inject
    private Settings settings;

    private volatile boolean settled;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        ensureInDataDir();
    }

    /** Points the job repository at the data directory unless that has already been done (or tried). */
    public void ensureInDataDir() {
        if (settled) {
            return;
        }
        synchronized (this) {
            if (!settled) {
                move(settings.batchDir());
                settled = true;
            }
        }
    }

    /**
     * The H2 URL of the repository inside the given directory. AUTO_SERVER, as in Payara's own default, lets a
     * tool of the operator's read the job history while the site runs.
     */
    static String urlIn(Path batchDir) {
        return "jdbc:h2:file:" + batchDir.toAbsolutePath().normalize().resolve("jbatch") + ";AUTO_SERVER=TRUE";
    }

    private void move(Path batchDir) {
        String assignment = POOL_URL + "=" + urlIn(batchDir);
        try {
            Files.createDirectories(batchDir);
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> micro = Class.forName("fish.payara.micro.PayaraMicro", true, loader);
            Object runtime = micro.getMethod("getRuntime").invoke(micro.getMethod("getInstance").invoke(null));
            Method run = runtime.getClass().getMethod("run", String.class, String[].class);
            Map<?, ?> results = (Map<?, ?>) run.invoke(runtime, "set", new String[] {assignment});
            for (Object pending : results.values()) {
                Object result = ((Future<?>) pending).get(30, TimeUnit.SECONDS);
                Object status = result.getClass().getMethod("getExitStatus").invoke(result);
                if (!"SUCCESS".equals(String.valueOf(status))) {
                    Object output = result.getClass().getMethod("getOutput").invoke(result);
                    LOG.warning("Payara refused to move the batch job repository to " + batchDir + " (" + status + "): "
                            + output + "; job history stays in Payara's own folder");
                    return;
                }
            }
            LOG.info(() -> "Batch job repository: " + batchDir.resolve("jbatch") + " (H2)");
        } catch (ClassNotFoundException e) {
            LOG.warning("Not running on Payara Micro: the batch job repository stays where the server keeps it, not in "
                    + batchDir);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ReflectiveOperationException | RuntimeException | IOException | ExecutionException
                | TimeoutException e) {
            LOG.log(Level.WARNING, "Could not move the batch job repository to " + batchDir
                    + "; job history stays in Payara's own folder", e);
        }
    }
}
