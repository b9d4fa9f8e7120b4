package org.scriptorium.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged WAR on plain Payara Micro, started as a separate process exactly as an operator would:
 * {@code java -jar payara-micro.jar --deploy scriptorium.war --contextroot / --port N --nocluster}, configured
 * only by environment variables, with the JVM options of the README's run command (a quick start: C1 only, the
 * serial collector), which also leaves more of the machine to the other suite CI runs beside. Its log goes to a
 * file that tests may read.
 */
public final class PayaraProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private PayaraProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts Payara Micro with the given environment; does not wait for readiness. */
    public static PayaraProcess start(int port, Map<String, String> env, Path workDir) throws IOException {
        String payaraJar = System.getProperty("payara.micro.jar");
        String war = System.getProperty("scriptorium.war");
        if (payaraJar == null || war == null) {
            throw new IllegalStateException("payara.micro.jar and scriptorium.war must be set (run through Maven Failsafe)");
        }
        Files.createDirectories(workDir);
        Path log = workDir.resolve("payara.log");
        if (Files.exists(log)) {
            // A restart in the same folder keeps the log of the run before it, as payara.1.log, payara.2.log ...
            int n = 1;
            while (Files.exists(workDir.resolve("payara." + n + ".log"))) {
                n++;
            }
            Files.move(log, workDir.resolve("payara." + n + ".log"));
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:MetaspaceSize=160m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", payaraJar,
                "--deploy", war, "--contextroot", "/", "--port", String.valueOf(port),
                "--nocluster", "--disablephonehome"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SCRIPTORIUM_"));
        pb.environment().put("HZ_PHONE_HOME_ENABLED", "false");
        pb.environment().putAll(env);
        return new PayaraProcess(pb.start(), log, port);
    }

    /**
     * Waits until the site answers {@code /it/} with 200; otherwise stops the process (a caller that gets no
     * instance cannot) and fails with the log's tail. The system
     * property {@code scriptorium.it.start.seconds} lengthens the wait on a machine too busy to start Payara
     * in the usual time (it never shortens it). The probe speaks HTTP/1.1: the JDK client's default h2c upgrade
     * once deadlocked Grizzly's HTTP/2 code while the WAR was still deploying, and every later probe then hung.
     */
    public PayaraProcess awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        Duration configured = Duration.ofSeconds(Long.getLong("scriptorium.it.start.seconds", 0));
        Duration wait = timeout.compareTo(configured) >= 0 ? timeout : configured;
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara exited with " + process.exitValue() + ":\n" + tail(60));
            }
            if (log().contains("Failed to start, exiting")) {
                String tail = tail(80);
                close();
                throw new IllegalStateException("Payara failed to start (its port taken?):\n" + tail);
            }
            if (log().contains("Exception while loading the app")) {
                close();
                throw new IllegalStateException("The WAR failed to deploy:\n" + tail(80));
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    HttpResponse<Void> site = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/it/"))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
                    if (site.statusCode() == 200) {
                        return this;
                    }
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
        threadDump();
        String tail = tail(60);
        close();
        throw new IllegalStateException("Payara did not become ready in " + wait + ":\n" + tail);
    }

    /** Asks the JVM for a thread dump (SIGQUIT), which it writes into the log, to show what a stuck start waits for. */
    private void threadDump() throws InterruptedException {
        try {
            new ProcessBuilder("kill", "-3", String.valueOf(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
            Thread.sleep(2000);
        } catch (IOException e) {
            // No kill command: the log still has the rest.
        }
    }

    /** Waits for the process to end by itself; returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Payara still running after " + timeout + ":\n" + tail(40));
        }
        return process.exitValue();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    public String tail(int lines) {
        List<String> all = log().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Kills the process at once (SIGKILL, like kill -9): no shutdown hook, no orderly undeploy. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
