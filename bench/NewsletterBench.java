import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The newsletter benchmark (run by bench/newsletter.sh): a local SMTP sink that counts every message per
 * recipient, the WAR on plain Payara Micro, subscribers imported through the back office, one edition sent,
 * a kill -9 of Payara mid-send and a restart; prints messages/s, duplicates and missed recipients.
 */
public class NewsletterBench {

    static final String ADMIN = "bench@scriptorium.test";
    static final String PASSWORD = "bench password 12345";
    static final Map<String, Integer> RECEIVED = new ConcurrentHashMap<>();
    static final AtomicLong TOTAL = new AtomicLong();

    public static void main(String[] args) throws Exception {
        String payaraJar = args[0];
        String war = args[1];
        Path work = Path.of(args[2]);
        int n = Integer.parseInt(args[3]);
        int port = Integer.parseInt(args[4]);
        int smtpPort = startSink();
        Map<String, String> env = Map.of("SCRIPTORIUM_DATA_DIR", work.resolve("data").toString(),
                "SCRIPTORIUM_BASE_URL", "http://localhost:" + port, "SCRIPTORIUM_ADMIN_EMAIL", ADMIN,
                "SCRIPTORIUM_ADMIN_PASSWORD", PASSWORD, "SCRIPTORIUM_SMTP_HOST", "127.0.0.1",
                "SCRIPTORIUM_SMTP_PORT", String.valueOf(smtpPort), "SCRIPTORIUM_SMTP_TLS", "none",
                "SCRIPTORIUM_MAIL_FROM", "bench@example.org", "SCRIPTORIUM_DEMO", "true");
        Process payara = start(payaraJar, war, work, port, env);
        String base = "http://localhost:" + port;
        awaitReady(base, payara, work);
        Client c = new Client(base);
        c.login();
        long t0 = System.nanoTime();
        int chunk = 2_000;
        for (int from = 0; from < n; from += chunk) {
            StringBuilder csv = new StringBuilder("email,language\n");
            for (int i = from; i < Math.min(n, from + chunk); i++) {
                String lang = List.of("it", "es", "en", "fr", "de", "pt").get(i % 6);
                csv.append("s").append(i).append('.').append(lang).append("@bench.example.org,").append(lang).append('\n');
            }
            String result = c.importCsv(csv.toString());
            Matcher done = Pattern.compile("<ul id=\"messages\"[^>]*>\\s*<li[^>]*>\\D*(\\d+)").matcher(result);
            if (!done.find()) {
                int main = Math.max(0, result.indexOf("<main"));
                throw new IllegalStateException("Import failed:\n" + result.substring(main, Math.min(main + 3000, result.length())));
            }
        }
        System.out.printf("imported %d subscribers in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        c.setRate(10_000);
        String editionUrl = c.createEdition("Bench edition");
        long cpuStart = cpuMillis(payara);
        long sendStart = System.nanoTime();
        c.sendNow(editionUrl);
        long killAt = (long) (n * 0.4);
        while (TOTAL.get() < killAt) {
            if (System.nanoTime() - sendStart > TimeUnit.MINUTES.toNanos(60)) {
                throw new IllegalStateException("only " + TOTAL.get() + " messages after an hour");
            }
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - sendStart) / 1e9;
        long beforeKill = TOTAL.get();
        long cpu = cpuMillis(payara) - cpuStart;
        System.out.printf("sending: %d messages in %.1f s = %.0f messages/s (from the send button, rate setting 10000/s)%n",
                beforeKill, seconds, beforeKill / seconds);
        System.out.printf("Payara CPU while sending: %.2f ms per message (less sensitive to other load than messages/s);"
                + " load average now: %s%n", cpu < 0 ? Double.NaN : (double) cpu / beforeKill, loadAverage());
        payara.destroyForcibly();
        payara.waitFor();
        System.out.println("kill -9 after " + beforeKill + " messages; restarting on the same data directory");
        long restart = System.nanoTime();
        payara = start(payaraJar, war, work, port, env);
        awaitReady(base, payara, work);
        System.out.printf("restarted in %.1f s%n", (System.nanoTime() - restart) / 1e9);
        long last = -1;
        long stableSince = System.nanoTime();
        while (true) {
            long now = TOTAL.get();
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            }
            if (RECEIVED.size() >= n && System.nanoTime() - stableSince > TimeUnit.SECONDS.toNanos(20)) {
                break;
            }
            if (System.nanoTime() - stableSince > TimeUnit.MINUTES.toNanos(3)) {
                System.out.println("no message for 3 minutes; stopping the wait");
                break;
            }
            Thread.sleep(200);
        }
        long duplicates = RECEIVED.values().stream().filter(v -> v > 1).count();
        long extra = RECEIVED.values().stream().mapToLong(v -> v - 1).sum();
        long missed = n - RECEIVED.size();
        System.out.printf("after restart: %d messages in total for %d recipients%n", TOTAL.get(), RECEIVED.size());
        System.out.printf("duplicates: %d recipients (%d extra copies)%n", duplicates, extra);
        System.out.printf("missed: %d recipients%n", missed);
        payara.destroy();
        payara.waitFor(60, TimeUnit.SECONDS);
        System.exit(0);
    }

    /** CPU time the process has used so far, in milliseconds (-1 where the platform does not say). */
    static long cpuMillis(Process p) {
        return p.toHandle().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static Process start(String jar, String war, Path work, int port, Map<String, String> env) throws IOException {
        Files.createDirectories(work);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-jar", jar, "--deploy", war, "--contextroot", "/", "--port", String.valueOf(port), "--nocluster",
                "--disablephonehome").directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("payara.log").toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("SCRIPTORIUM_"));
        pb.environment().putAll(env);
        return pb.start();
    }

    static void awaitReady(String base, Process p, Path work) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("Payara exited; see " + work.resolve("payara.log"));
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Payara not ready; see " + work.resolve("payara.log"));
    }

    /** A minimal SMTP server that accepts everything and counts one message per recipient. */
    static int startSink() throws IOException {
        ServerSocket server = new ServerSocket(0, 200);
        Thread acceptor = new Thread(() -> {
            while (true) {
                try {
                    Socket s = server.accept();
                    Thread t = new Thread(() -> session(s));
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return server.getLocalPort();
    }

    static void session(Socket s) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
             OutputStream out = s.getOutputStream()) {
            reply(out, "220 sink ESMTP");
            List<String> rcpt = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (cmd) {
                    case "EHLO" -> reply(out, "250-sink\r\n250 8BITMIME");
                    case "HELO" -> reply(out, "250 sink");
                    case "MAIL", "RSET" -> {
                        rcpt.clear();
                        reply(out, "250 ok");
                    }
                    case "RCPT" -> {
                        Matcher m = Pattern.compile("<([^>]+)>").matcher(line);
                        if (m.find()) {
                            rcpt.add(m.group(1).toLowerCase());
                        }
                        reply(out, "250 ok");
                    }
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        String d;
                        while ((d = in.readLine()) != null && !d.equals(".")) {
                            // the body is not kept
                        }
                        for (String r : rcpt) {
                            RECEIVED.merge(r, 1, Integer::sum);
                            TOTAL.incrementAndGet();
                        }
                        rcpt.clear();
                        reply(out, "250 queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok");
                }
            }
        } catch (IOException e) {
            // client went away (for example, killed)
        }
    }

    static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Cookies, Faces forms and the back-office steps of the benchmark. */
    static final class Client {
        final String base;
        final HttpClient http;

        Client(String base) {
            this.base = base;
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).connectTimeout(Duration.ofSeconds(5)).build();
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                    .header("Accept-Language", "en").timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> submit(String html, String formId, Map<String, String> fields, String button) throws Exception {
            Matcher form = Pattern.compile("<form id=\"" + formId + "\"[^>]*action=\"([^\"]*)\"[^>]*>(.*?)</form>", Pattern.DOTALL).matcher(html);
            if (!form.find()) {
                throw new IllegalStateException("no form " + formId);
            }
            Map<String, String> values = new LinkedHashMap<>();
            Matcher hidden = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>").matcher(form.group(2));
            while (hidden.find()) {
                values.put(attr(hidden.group(), "name"), attr(hidden.group(), "value").replace("&amp;", "&"));
            }
            fields.forEach((k, v) -> values.put(formId + ":" + k, v));
            values.put(formId + ":" + button, "x");
            String body = values.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(URI.create(base + form.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "en")
                    .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        void login() throws Exception {
            submit(get("/backoffice/login").body(), "login", Map.of("email", ADMIN, "password", PASSWORD), "submit");
        }

        String importCsv(String csv) throws Exception {
            String page = get("/backoffice/newsletter").body();
            Matcher form = Pattern.compile("<form id=\"import\"[^>]*action=\"([^\"]*)\"[^>]*>(.*?)</form>", Pattern.DOTALL).matcher(page);
            if (!form.find()) {
                throw new IllegalStateException("no import form (logged in?)");
            }
            Matcher vs = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"").matcher(form.group(2));
            vs.find();
            String boundary = "----bench" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            Map<String, String> fields = Map.of("import", "import", "import:consent", "on", "import:language", "it",
                    "import:submit", "Import", "jakarta.faces.ViewState", vs.group(1).replace("&amp;", "&"));
            for (Map.Entry<String, String> f : fields.entrySet()) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                        + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"import:file\"; filename=\"list.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return http.send(HttpRequest.newBuilder(URI.create(base + form.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept-Language", "en").header("Origin", base)
                    .timeout(Duration.ofMinutes(10))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString()).body();
        }

        void setRate(int rate) throws Exception {
            submit(get("/backoffice/newsletter/editions").body(), "settings", Map.of("rate", String.valueOf(rate), "missing", "OMIT"), "save");
        }

        String createEdition(String title) throws Exception {
            String editor = get("/backoffice/newsletter/edition").body();
            Matcher a = Pattern.compile("name=\"edition:articles\"[^>]*value=\"(\\d+)\"").matcher(editor);
            a.find();
            HttpResponse<String> saved = submit(editor, "edition", Map.of("title", title, "mode", "picked", "articles", a.group(1)), "save");
            return saved.headers().firstValue("Location").orElseThrow();
        }

        void sendNow(String editionUrl) throws Exception {
            HttpResponse<String> r = submit(get(editionUrl).body(), "edition", Map.of(), "sendNow");
            if (r.statusCode() != 302) {
                throw new IllegalStateException("send now answered " + r.statusCode());
            }
        }

        static String attr(String tag, String name) {
            Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(tag);
            return m.find() ? m.group(1) : "";
        }

        static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
