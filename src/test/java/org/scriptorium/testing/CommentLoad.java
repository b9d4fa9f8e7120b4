package org.scriptorium.testing;

import java.io.IOException;
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
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The load generator of {@code bench/comments.sh}: N readers comment on one article at the same time. Each
 * poster does what a reader does: loads the article (which carries the form and its signed token), takes a
 * writing time before posting (at least the site's minimum fill time, 3 s by default, since a quicker post
 * is refused as a bot's; drawn between {@code think-min} and {@code think-max} ms), posts, and starts over as
 * the next reader: each post comes from its own address (X-Forwarded-For, the site trusts the loopback proxy)
 * and e-mail, as flood control allows one comment per address and e-mail every 15 s. The posters start at
 * random points of their first writing time, so that they do not post in step.
 *
 * <p>Phases: a warm-up of the same load (not measured: on a 2-core machine the first seconds after a start
 * are spent in the JIT compiler), the measured seconds, then a capacity run in which every poster posts back
 * to back with no writing time and one token, which shows the most posts per second the site takes. Prints
 * the throughput and the p50 and p99 of the POST for each, the p50 and p99 of the page loads of the measured
 * phase, and comments accepted (303) against comments stored, counted in the moderation queue (they must be
 * equal).
 *
 * <p>Usage: {@code CommentLoad <base-url> <lang> <posters> <seconds> <admin-email> <admin-password>
 * [warm-up-seconds [think-min-ms think-max-ms [capacity-seconds]]]}
 */
public final class CommentLoad {

    private static final Pattern TOKEN = Pattern.compile("name=\"comment:token\" value=\"([^\"]+)\"");

    private CommentLoad() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String lang = args[1];
        int posters = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int warmup = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        int thinkMin = args.length > 8 ? Integer.parseInt(args[7]) : 3_000;
        int thinkMax = args.length > 8 ? Integer.parseInt(args[8]) : 6_000;
        int capacity = args.length > 9 ? Integer.parseInt(args[9]) : 0;
        Browserless reader = new Browserless(base);
        String home = reader.get("/" + lang + "/").body();
        Matcher m = Pattern.compile("article-card__title\"><a href=\"/" + lang + "/([a-z0-9-]+)\"").matcher(home);
        if (!m.find()) {
            throw new IllegalStateException("No article on /" + lang + "/");
        }
        String slug = m.group(1);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        Target target = new Target(http, base, lang, slug);
        AtomicLong seq = new AtomicLong();
        int accepted = 0;
        int other = 0;
        if (warmup > 0) {
            Phase warm = paced(target, posters, warmup, thinkMin, thinkMax, seq);
            accepted += warm.accepted.get();
            other += warm.other.get();
            warm.print("warm-up (not measured)");
        }
        Phase run = paced(target, posters, seconds, thinkMin, thinkMax, seq);
        accepted += run.accepted.get();
        other += run.other.get();
        Phase full = null;
        if (capacity > 0) {
            String token = token(target);
            Thread.sleep(thinkMin + 500L);
            full = backToBack(target, token, posters, capacity, seq);
            accepted += full.accepted.get();
            other += full.other.get();
        }
        List<Long> sorted = sorted(run.posts);
        System.out.printf("posters=%d writing_time_ms=%d..%d duration_s=%.1f posts=%d%n", posters, thinkMin, thinkMax,
                run.elapsed, sorted.size());
        System.out.printf("throughput_per_s=%.1f%n", sorted.size() / run.elapsed);
        System.out.printf("post_p50_ms=%.1f%n", percentile(sorted, 0.50));
        System.out.printf("post_p99_ms=%.1f%n", percentile(sorted, 0.99));
        List<Long> pages = sorted(run.pages);
        System.out.printf("page_loads=%d page_p50_ms=%.1f page_p99_ms=%.1f%n", pages.size(), percentile(pages, 0.50),
                percentile(pages, 0.99));
        if (full != null) {
            full.print("capacity (back to back, no writing time; not the target's load)");
        }
        long stored = stored(base, args[4], args[5]);
        System.out.printf("accepted=%d other=%d stored=%d %s%n", accepted, other, stored,
                stored == accepted ? "(equal)" : "(NOT equal)");
        System.out.printf("target post_p99_ms<=50: %s%n", percentile(sorted, 0.99) <= 50 ? "met" : "NOT met");
    }

    /** The article that is commented and how to reach it. */
    private record Target(HttpClient http, String base, String lang, String slug) {
    }

    /** What one phase measured. */
    private record Phase(ConcurrentLinkedQueue<Long> posts, ConcurrentLinkedQueue<Long> pages, AtomicInteger accepted,
                         AtomicInteger other, double elapsed) {
        void print(String name) {
            List<Long> sorted = sorted(posts);
            System.out.printf("%s: %d posts in %.1f s, %.1f/s, p50 %.1f ms, p99 %.1f ms%n", name, sorted.size(), elapsed,
                    sorted.size() / elapsed, percentile(sorted, 0.50), percentile(sorted, 0.99));
        }
    }

    private static List<Long> sorted(ConcurrentLinkedQueue<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }

    /** Each poster loads the article, writes for a while, posts, and starts over, for {@code seconds}. */
    private static Phase paced(Target target, int posters, int seconds, int thinkMin, int thinkMax, AtomicLong seq)
            throws InterruptedException {
        return phase(posters, seconds, (p, end, phase) -> {
            Random random = new Random(p * 7919L + seq.get());
            Thread.sleep(random.nextInt(Math.max(1, thinkMax)));
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                String token = token(target);
                phase.pages.add(System.nanoTime() - t0);
                Thread.sleep(thinkMin + random.nextInt(Math.max(1, thinkMax - thinkMin)));
                if (System.nanoTime() >= end) {
                    break;
                }
                post(target, token, seq.incrementAndGet(), phase);
            }
        });
    }

    /** Every poster posts with the same token, back to back, for {@code seconds}. */
    private static Phase backToBack(Target target, String token, int posters, int seconds, AtomicLong seq)
            throws InterruptedException {
        return phase(posters, seconds, (p, end, phase) -> {
            while (System.nanoTime() < end) {
                post(target, token, seq.incrementAndGet(), phase);
            }
        });
    }

    /** What one poster thread does until {@code end} (a {@link System#nanoTime()}), recording into {@code phase}. */
    private interface Poster {
        void run(int index, long end, Phase phase) throws Exception;
    }

    /** Runs {@code posters} threads for {@code seconds} and returns what they measured. */
    private static Phase phase(int posters, int seconds, Poster poster) throws InterruptedException {
        Phase phase = new Phase(new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>(), new AtomicInteger(),
                new AtomicInteger(), 0);
        long started = System.nanoTime();
        long end = started + Duration.ofSeconds(seconds).toNanos();
        CountDownLatch done = new CountDownLatch(posters);
        for (int p = 0; p < posters; p++) {
            int index = p;
            new Thread(() -> {
                try {
                    poster.run(index, end, phase);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        return new Phase(phase.posts, phase.pages, phase.accepted, phase.other, (System.nanoTime() - started) / 1e9);
    }

    /** Loads the article as a reader's browser does and returns the token of its comment form. */
    private static String token(Target target) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.base() + "/" + target.lang() + "/" + target.slug()))
                .timeout(Duration.ofSeconds(30)).header("Accept-Encoding", "gzip").GET().build();
        HttpResponse<byte[]> r = target.http().send(request, HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = r.body();
        if (r.headers().firstValue("Content-Encoding").filter("gzip"::equals).isPresent()) {
            body = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
        }
        Matcher t = TOKEN.matcher(new String(body, StandardCharsets.UTF_8));
        if (r.statusCode() != 200 || !t.find()) {
            throw new IllegalStateException("No comment form on /" + target.lang() + "/" + target.slug() + ": " + r.statusCode());
        }
        return t.group(1);
    }

    private static void post(Target target, String token, long n, Phase phase) throws InterruptedException {
        String body = form(Map.of("comment:lang", target.lang(), "comment:slug", target.slug(), "comment:token", token,
                "comment:parent", "", "comment:name", "Bench reader " + n,
                "comment:email", "bench" + n + "@example.org", "comment:url", "",
                "comment:body", "A benchmark comment, number " + n + ".\nSecond line."));
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.base() + "/comments/post"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<Void> r = target.http().send(request, HttpResponse.BodyHandlers.discarding());
            phase.posts.add(System.nanoTime() - t0);
            if (r.statusCode() == 303) {
                phase.accepted.incrementAndGet();
            } else {
                phase.other.incrementAndGet();
            }
        } catch (IOException e) {
            phase.other.incrementAndGet();
        }
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
