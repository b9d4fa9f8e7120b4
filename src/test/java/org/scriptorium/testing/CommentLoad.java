package org.scriptorium.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The load generator of {@code bench/comments.sh}: N concurrent readers post comments to one article for a
 * while, each post from its own address (X-Forwarded-For, the site trusts the loopback proxy) and e-mail,
 * with the form's signed token; then it counts what the site stored, through the moderation queue.
 * Prints throughput, p50 and p99 of the POST, and comments accepted (303) against comments stored, warm-up
 * included. An optional warm-up posts the same way for a while before the measured seconds, so that the
 * figures are those of a site whose JIT compiler has settled rather than of its first seconds.
 *
 * <p>Usage: {@code CommentLoad <base-url> <lang> <posters> <seconds> <admin-email> <admin-password> [warm-up-seconds]}
 */
public final class CommentLoad {

    private CommentLoad() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String lang = args[1];
        int posters = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        Browserless reader = new Browserless(base);
        String home = reader.get("/" + lang + "/").body();
        Matcher m = Pattern.compile("article-card__title\"><a href=\"/" + lang + "/([a-z0-9-]+)\"").matcher(home);
        if (!m.find()) {
            throw new IllegalStateException("No article on /" + lang + "/");
        }
        String slug = m.group(1);
        String page = reader.get("/" + lang + "/" + slug).body();
        Matcher t = Pattern.compile("name=\"comment:token\" value=\"([^\"]+)\"").matcher(page);
        if (!t.find()) {
            throw new IllegalStateException("No comment form on /" + lang + "/" + slug);
        }
        String token = t.group(1);
        Thread.sleep(4000);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        int warmup = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        AtomicLong seq = new AtomicLong();
        int warmAccepted = 0;
        int warmOther = 0;
        if (warmup > 0) {
            Phase warm = post(http, base, lang, slug, token, posters, warmup, seq);
            List<Long> warmSorted = warm.sorted();
            warmAccepted = warm.accepted.get();
            warmOther = warm.other.get();
            System.out.printf("warm-up (not measured): %d posts in %.1f s, %.1f/s, p50 %.1f ms, p99 %.1f ms%n",
                    warmSorted.size(), warm.elapsed, warmSorted.size() / warm.elapsed,
                    percentile(warmSorted, 0.50), percentile(warmSorted, 0.99));
        }
        Phase run = post(http, base, lang, slug, token, posters, seconds, seq);
        List<Long> sorted = run.sorted();
        long stored = stored(base, args[4], args[5]);
        System.out.printf("posters=%d duration_s=%.1f posts=%d%n", posters, run.elapsed, sorted.size());
        System.out.printf("throughput_per_s=%.1f%n", sorted.size() / run.elapsed);
        System.out.printf("post_p50_ms=%.1f%n", percentile(sorted, 0.50));
        System.out.printf("post_p99_ms=%.1f%n", percentile(sorted, 0.99));
        int allAccepted = warmAccepted + run.accepted.get();
        System.out.printf("accepted=%d other=%d stored=%d %s%n", allAccepted, warmOther + run.other.get(), stored,
                stored == allAccepted ? "(equal)" : "(NOT equal)");
        System.out.printf("target post_p99_ms<=50: %s%n", percentile(sorted, 0.99) <= 50 ? "met" : "NOT met");
    }

    /** What one phase of posting measured. */
    private record Phase(ConcurrentLinkedQueue<Long> latencies, AtomicInteger accepted, AtomicInteger other, double elapsed) {
        List<Long> sorted() {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted;
        }
    }

    /** {@code posters} threads post comments back to back for {@code seconds}. */
    private static Phase post(HttpClient http, String base, String lang, String slug, String token, int posters,
                              int seconds, AtomicLong seq) throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        CountDownLatch done = new CountDownLatch(posters);
        long started = System.nanoTime();
        for (int p = 0; p < posters; p++) {
            new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long n = seq.incrementAndGet();
                        String body = form(Map.of("comment:lang", lang, "comment:slug", slug, "comment:token", token,
                                "comment:parent", "", "comment:name", "Bench reader " + n,
                                "comment:email", "bench" + n + "@example.org", "comment:url", "",
                                "comment:body", "A benchmark comment, number " + n + ".\nSecond line."));
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/comments/post"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("X-Forwarded-For", "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255))
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
                            latencies.add(System.nanoTime() - t0);
                            if (r.statusCode() == 303) {
                                accepted.incrementAndGet();
                            } else {
                                other.incrementAndGet();
                            }
                        } catch (java.io.IOException e) {
                            other.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        return new Phase(latencies, accepted, other, (System.nanoTime() - started) / 1e9);
    }

    private static double percentile(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1);
        return sorted.get(Math.max(0, i)) / 1e6;
    }

    /** Comments in every tab of the moderation queue. */
    private static long stored(String base, String email, String password) throws Exception {
        Browserless admin = new Browserless(base);
        var login = admin.get("/backoffice/login");
        admin.submit(login, "login", Map.of("email", email, "password", password), "submit");
        String queue = admin.get("/backoffice/comments", "Accept-Language", "en").body();
        Matcher c = Pattern.compile("id=\"tab-[A-Z]+\"[^>]*>[^<(]*\\(([0-9.,]+)\\)").matcher(queue);
        long total = 0;
        while (c.find()) {
            total += Long.parseLong(c.group(1).replaceAll("[.,]", ""));
        }
        return total;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
