package org.scriptorium.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server that speaks Akismet's REST protocol, for tests and benchmarks.
 *
 * <p>It answers {@code /1.1/verify-key}, {@code /1.1/comment-check}, {@code /1.1/submit-spam},
 * {@code /1.1/submit-ham} and {@code /1.2/usage-limit} with Akismet's documented test behaviour: the key
 * {@link #VALID_KEY} is valid and any other is {@code invalid} (with {@code X-akismet-debug-help}); author
 * {@value #SPAM_AUTHOR} or e-mail {@value #SPAM_EMAIL} is spam; {@code user_role=administrator} is ham and
 * wins over the spam triggers; everything else is ham. Missing {@code blog} or {@code user_ip} on a
 * comment-check gets Akismet's "Missing required field" answer.
 *
 * <p>Behaviour is switchable while running: {@link Mode#DISCARD} adds {@code X-akismet-pro-tip: discard} to
 * spam answers; {@link Mode#HTTP_500} and {@link Mode#GARBAGE} break every answer; {@link Mode#STALLED_BODY}
 * sends the headers and then never finishes the body; {@link #slow(Duration)} delays every answer;
 * {@link #stop()} closes the port (connection refused) and {@link #start()} opens the same port again.
 * Every call is recorded with its parameters in the order sent, so tests can assert exactly what a client
 * sent. Thread-safe; one instance serves many concurrent clients.
 *
 * <p>Run standalone for a benchmark: {@code java ... org.scriptorium.testing.AkismetTestServer <port> [delay-ms]}.
 */
public final class AkismetTestServer implements AutoCloseable {

    /** The only key this server accepts. */
    public static final String VALID_KEY = "scriptorium-test-key";
    /** Akismet's documented author name that is always spam. */
    public static final String SPAM_AUTHOR = "viagra-test-123";
    /** Akismet's documented e-mail address that is always spam. */
    public static final String SPAM_EMAIL = "akismet-guaranteed-spam@example.com";
    /** What submit-spam and submit-ham answer. */
    public static final String THANKS = "Thanks for making the web a better place.";
    /** The body sent in {@link Mode#GARBAGE}. */
    public static final String GARBAGE = "<html><body>502 Bad Gateway</body></html>\u0001\u0002";

    /** How the server answers. */
    public enum Mode {
        /** Akismet's documented test behaviour. */
        NORMAL,
        /** As {@link #NORMAL}, and spam answers carry {@code X-akismet-pro-tip: discard}. */
        DISCARD,
        /** Every call answers HTTP 500. */
        HTTP_500,
        /** Every call answers 200 with a body Akismet never sends. */
        GARBAGE,
        /** Every call answers 200 with a declared body length, then sends nothing more until stopped. */
        STALLED_BODY
    }

    /** One call as the server received it. */
    public record Call(String method, String path, Map<String, List<String>> headers, List<Map.Entry<String, String>> params) {

        /** The first value of a parameter, if sent. */
        public Optional<String> param(String name) {
            return params.stream().filter(p -> p.getKey().equals(name)).map(Map.Entry::getValue).findFirst();
        }

        /** Every value of a parameter, in the order sent. */
        public List<String> params(String name) {
            return params.stream().filter(p -> p.getKey().equals(name)).map(Map.Entry::getValue).toList();
        }

        /** The parameter names, in the order sent (repeated names repeat). */
        public List<String> paramNames() {
            return params.stream().map(Map.Entry::getKey).toList();
        }

        /** The first value of a request header; names are case-insensitive. */
        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger commentChecks = new AtomicInteger();
    private volatile Mode mode = Mode.NORMAL;
    private volatile Duration delay = Duration.ZERO;
    private volatile String alertCode;
    private volatile String alertMessage;
    private volatile Long usageLimit = 1000L;
    private int port;
    private HttpServer server;
    private ExecutorService executor;

    private AkismetTestServer(int port) {
        this.port = port;
    }

    /** Starts a server on the given port of the loopback interface (0 picks a free one). */
    public static AkismetTestServer start(int port) {
        AkismetTestServer s = new AkismetTestServer(port);
        s.start();
        return s;
    }

    /** Starts a server on a free port of the loopback interface. */
    public static AkismetTestServer startOnFreePort() {
        return start(0);
    }

    /** Opens the port (again, after {@link #stop()}: the same port) and serves. */
    public synchronized AkismetTestServer start() {
        if (server != null) {
            return this;
        }
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
            executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "akismet-test-server");
                t.setDaemon(true);
                return t;
            });
            s.setExecutor(executor);
            s.createContext("/", this::handle);
            s.start();
            server = s;
            port = s.getAddress().getPort();
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the Akismet test server on port " + port, e);
        }
    }

    /** Closes the port: clients now get "connection refused" until {@link #start()}. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The base URL to configure as the Akismet endpoint, e.g. {@code http://127.0.0.1:40123}. */
    public String endpoint() {
        return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port;
    }

    public int port() {
        return port;
    }

    /** Switches how the server answers; resets nothing else. */
    public AkismetTestServer mode(Mode newMode) {
        this.mode = newMode;
        return this;
    }

    /** Delays every answer by the given time (zero for none). */
    public AkismetTestServer slow(Duration answerDelay) {
        this.delay = answerDelay;
        return this;
    }

    /** Adds {@code X-akismet-alert-code} / {@code -msg} to every answer; null code for none. */
    public AkismetTestServer alert(String code, String message) {
        this.alertCode = code;
        this.alertMessage = message;
        return this;
    }

    /** The monthly limit usage-limit reports; null reports {@code "none"} (unlimited). */
    public AkismetTestServer usageLimit(Long limit) {
        this.usageLimit = limit;
        return this;
    }

    /** Back to {@link Mode#NORMAL}, no delay, no alert, and no recorded calls. */
    public AkismetTestServer reset() {
        mode = Mode.NORMAL;
        delay = Duration.ZERO;
        alertCode = null;
        alertMessage = null;
        usageLimit = 1000L;
        calls.clear();
        commentChecks.set(0);
        return this;
    }

    /** Every call received since the start or the last {@link #reset()}, oldest first. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls to one path, e.g. {@code /1.1/comment-check}, oldest first. */
    public List<Call> calls(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).toList();
    }

    /** The latest call to one path. */
    public Call lastCall(String path) {
        List<Call> matching = calls(path);
        if (matching.isEmpty()) {
            throw new AssertionError("No call to " + path + " was received; calls: " + calls);
        }
        return matching.get(matching.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            List<Map.Entry<String, String>> params = new ArrayList<>();
            parseForm(exchange.getRequestURI().getRawQuery(), params);
            try (InputStream in = exchange.getRequestBody()) {
                parseForm(new String(in.readAllBytes(), StandardCharsets.UTF_8), params);
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            calls.add(new Call(exchange.getRequestMethod(), path, Map.copyOf(headers), List.copyOf(params)));

            Duration d = delay;
            if (!d.isZero()) {
                try {
                    Thread.sleep(d.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (alertCode != null) {
                exchange.getResponseHeaders().set("X-akismet-alert-code", alertCode);
                exchange.getResponseHeaders().set("X-akismet-alert-msg", alertMessage == null ? "" : alertMessage);
            }
            switch (mode) {
                case HTTP_500 -> send(exchange, 500, "Internal Server Error");
                case GARBAGE -> send(exchange, 200, GARBAGE);
                case STALLED_BODY -> stall(exchange);
                default -> answer(exchange, path, new Params(params));
            }
        }
    }

    private void answer(HttpExchange exchange, String path, Params p) throws IOException {
        String method = exchange.getRequestMethod();
        boolean usage = path.equals("/1.2/usage-limit");
        if (!method.equals("POST") && !(usage && method.equals("GET"))) {
            send(exchange, 405, "Method not allowed");
            return;
        }
        switch (path) {
            case "/1.1/verify-key" -> {
                if (VALID_KEY.equals(p.get("key")) && p.get("blog") != null) {
                    send(exchange, 200, "valid");
                } else {
                    invalid(exchange, p.get("key") == null ? "Empty \"key\" value" : "Invalid key");
                }
            }
            case "/1.1/comment-check" -> commentCheck(exchange, p);
            case "/1.1/submit-spam", "/1.1/submit-ham" -> {
                if (!VALID_KEY.equals(p.get("api_key"))) {
                    invalid(exchange, "Invalid API key");
                } else {
                    send(exchange, 200, THANKS);
                }
            }
            case "/1.2/usage-limit" -> {
                if (!VALID_KEY.equals(p.get("api_key"))) {
                    invalid(exchange, "Invalid API key");
                    return;
                }
                Long limit = usageLimit;
                int used = commentChecks.get();
                String percentage = limit == null || limit == 0 ? "0.00"
                        : String.format(Locale.ROOT, "%.2f", 100.0 * used / limit);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                send(exchange, 200, "{\"limit\":" + (limit == null ? "\"none\"" : limit) + ",\"usage\":" + used
                        + ",\"percentage\":\"" + percentage + "\",\"throttled\":false}");
            }
            default -> send(exchange, 404, "Not found");
        }
    }

    private void commentCheck(HttpExchange exchange, Params p) throws IOException {
        if (!VALID_KEY.equals(p.get("api_key"))) {
            invalid(exchange, p.get("api_key") == null ? "Empty \"api_key\" value" : "Invalid API key");
            return;
        }
        for (String required : List.of("blog", "user_ip")) {
            if (p.get(required) == null) {
                exchange.getResponseHeaders().set("X-akismet-debug-help", "Missing required field: " + required + ".");
                send(exchange, 200, "Missing required field: " + required + ".");
                return;
            }
        }
        commentChecks.incrementAndGet();
        boolean spam = SPAM_AUTHOR.equals(p.get("comment_author")) || SPAM_EMAIL.equals(p.get("comment_author_email"));
        if ("administrator".equals(p.get("user_role"))) {
            spam = false;
        }
        if (spam && mode == Mode.DISCARD) {
            exchange.getResponseHeaders().set("X-akismet-pro-tip", "discard");
        }
        send(exchange, 200, spam ? "true" : "false");
    }

    private static void invalid(HttpExchange exchange, String help) throws IOException {
        exchange.getResponseHeaders().set("X-akismet-debug-help", help);
        send(exchange, 200, "invalid");
    }

    private void stall(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 100);
        OutputStream out = exchange.getResponseBody();
        out.write("tr".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        try {
            Thread.sleep(Duration.ofMinutes(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void parseForm(String raw, List<Map.Entry<String, String>> into) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.add(Map.entry(name, value));
        }
    }

    /** First-value lookup over the received parameters. */
    private record Params(List<Map.Entry<String, String>> list) {

        String get(String name) {
            return list.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue)
                    .filter(v -> !v.isEmpty()).findFirst().orElse(null);
        }
    }

    /** Serves on the given port (default 8099) with an optional answer delay in milliseconds, until killed. */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8099;
        AkismetTestServer s = start(port);
        if (args.length > 1) {
            s.slow(Duration.ofMillis(Long.parseLong(args[1])));
        }
        System.out.println("Akismet test server at " + s.endpoint() + " (key " + VALID_KEY + ")");
        Thread.currentThread().join();
    }
}
