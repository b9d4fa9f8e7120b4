package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;

/** The page cache, conditional GET and gzip, against the WAR on Payara Micro. */
class PageCacheIT {

    private static final String CACHE = "X-Scriptorium-Cache";
    private static PayaraProcess site;
    private static final HttpClient RAW = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        site = RunningSite.get();
    }

    private static HttpResponse<byte[]> raw(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.baseUrl() + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return RAW.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse("");
    }

    private static String anArticle(String lang) throws Exception {
        return PublicSiteIT.firstArticleLink(new Browserless(site.baseUrl()).get("/" + lang + "/").body(), lang);
    }

    @Test
    void anAnonymousPageIsStoredOnceAndThenAnsweredFromTheCacheWithTheSameBytes() throws Exception {
        String path = anArticle("de") + "?from=cache-test";
        HttpResponse<byte[]> first = raw(path);
        HttpResponse<byte[]> second = raw(path);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(header(first, CACHE)).isEqualTo("MISS");
        assertThat(header(second, CACHE)).isEqualTo("HIT");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(new String(second.body(), StandardCharsets.UTF_8)).contains("lang=\"de\"");
        assertThat(header(second, "ETag")).isEqualTo(header(first, "ETag")).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(header(second, "Last-Modified")).isNotEmpty();
        assertThat(header(second, "Cache-Control")).contains("public");
        assertThat(header(second, "Vary")).containsIgnoringCase("Accept-Encoding");
        assertThat(second.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(Long.parseLong(header(second, "Content-Length"))).isEqualTo(second.body().length);
        assertThat(header(raw(path + "&other=1"), CACHE)).as("the query is part of the key").isEqualTo("MISS");
    }

    @Test
    void aConditionalRequestWithTheTagOrALaterDateGets304WithoutABody() throws Exception {
        String path = anArticle("fr");
        HttpResponse<byte[]> page = raw(path);
        String etag = header(page, "ETag");
        HttpResponse<byte[]> byTag = raw(path, "If-None-Match", "\"other\", " + etag);
        assertThat(byTag.statusCode()).isEqualTo(304);
        assertThat(byTag.body()).isEmpty();
        assertThat(header(byTag, "ETag")).isEqualTo(etag);
        HttpResponse<byte[]> byDate = raw(path, "If-Modified-Since", header(page, "Last-Modified"));
        assertThat(byDate.statusCode()).isEqualTo(304);
        assertThat(byDate.body()).isEmpty();
        assertThat(raw(path, "If-None-Match", "\"something-else\"").statusCode()).isEqualTo(200);
        assertThat(raw(path, "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> gzipped = raw(path, "Accept-Encoding", "gzip");
        assertThat(raw(path, "If-None-Match", header(gzipped, "ETag"), "Accept-Encoding", "gzip").statusCode())
                .isEqualTo(304);
    }

    @Test
    void textIsGzippedWhenAcceptedAndDecompressesToTheSameBytes() throws Exception {
        String path = anArticle("pt");
        HttpResponse<byte[]> plain = raw(path);
        HttpResponse<byte[]> gzipped = raw(path, "Accept-Encoding", "br;q=1.0, gzip;q=0.8");
        assertThat(header(plain, "Content-Encoding")).isEmpty();
        assertThat(header(gzipped, "Content-Encoding")).isEqualTo("gzip");
        assertThat(header(gzipped, "Vary")).containsIgnoringCase("Accept-Encoding");
        assertThat(Long.parseLong(header(gzipped, "Content-Length"))).isEqualTo(gzipped.body().length);
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 2);
        assertThat(gunzip(gzipped.body())).isEqualTo(plain.body());
        assertThat(header(gzipped, "ETag")).isNotEqualTo(header(plain, "ETag"));
        assertThat(header(raw(path, "Accept-Encoding", "gzip;q=0, identity"), "Content-Encoding")).isEmpty();

        HttpResponse<byte[]> css = raw("/themes/magazine/css/magazine.css", "Accept-Encoding", "gzip");
        assertThat(header(css, "Content-Encoding")).isEqualTo("gzip");
        assertThat(gunzip(css.body())).isEqualTo(raw("/themes/magazine/css/magazine.css").body());

        HttpResponse<byte[]> robots = raw("/robots.txt", "Accept-Encoding", "gzip");
        assertThat(robots.body().length).as("tiny bodies are sent as they are").isLessThan(1024);
        assertThat(header(robots, "Content-Encoding")).isEmpty();
    }

    @Test
    void theBackOfficeIsNeverCachedNorMarkedPublic() throws Exception {
        HttpResponse<byte[]> first = raw("/backoffice/login");
        HttpResponse<byte[]> second = raw("/backoffice/login");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(header(first, CACHE)).isEmpty();
        assertThat(header(second, CACHE)).isEmpty();
        assertThat(header(second, "Cache-Control")).doesNotContain("public");
        assertThat(second.headers().allValues("Set-Cookie"))
                .as("the login form is stateless: not cached although it opens no session").isEmpty();
    }

    @Test
    void aLoggedInUserAlwaysGetsAFreshPrivatePage() throws Exception {
        String path = anArticle("es");
        raw(path);
        assertThat(header(raw(path), CACHE)).isEqualTo("HIT");

        Browserless editor = new Browserless(site.baseUrl());
        HttpResponse<String> form = editor.get("/backoffice/login");
        HttpResponse<String> after = editor.submit(form, "login",
                Map.of("email", RunningSite.ADMIN_EMAIL, "password", RunningSite.ADMIN_PASSWORD), "submit");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(editor.get("/backoffice/").statusCode()).isEqualTo(200);

        HttpResponse<String> mine = editor.get(path);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.headers().firstValue(CACHE)).hasValue("BYPASS");
        assertThat(mine.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("private"));
        assertThat(header(raw(path), CACHE)).as("an anonymous reader still gets the cached page").isEqualTo("HIT");
    }

    @Test
    void theBypassHeaderRendersAfreshWithoutDisturbingTheCache() throws Exception {
        String path = anArticle("en");
        raw(path);
        HttpResponse<byte[]> bypassed = raw(path, CACHE, "bypass");
        assertThat(header(bypassed, CACHE)).isEqualTo("BYPASS");
        assertThat(withoutRenderTokens(bypassed.body())).as("the same page, but for the per-render comment token")
                .isEqualTo(withoutRenderTokens(raw(path).body()));
        assertThat(header(raw(path, CACHE, "bypass", "X-Forwarded-For", "203.0.113.9"), CACHE))
                .as("not honoured behind a proxy").isEqualTo("HIT");
    }

    @Test
    void errorsAndRedirectsAreNotCached() throws Exception {
        raw("/it/questo-articolo-non-esiste");
        HttpResponse<byte[]> missing = raw("/it/questo-articolo-non-esiste");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(header(missing, CACHE)).isNotEqualTo("HIT");
        raw("/it");
        HttpResponse<byte[]> redirect = raw("/it");
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(header(redirect, CACHE)).isNotEqualTo("HIT");
    }

    @Test
    void hitsAreAnsweredByTheCacheFrontAheadOfTheContainerAndCounted() throws Exception {
        String path = anArticle("es");
        raw(path);
        double front = counter("answered_by=\"front\"");
        double filter = counter("answered_by=\"filter\"");

        HttpResponse<byte[]> hit = raw(path);
        HttpResponse<byte[]> head = RAW.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(header(hit, CACHE)).isEqualTo("HIT");
        assertThat(header(head, CACHE)).isEqualTo("HIT");
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length")).hasValue(String.valueOf(hit.body().length));
        // The front answers only while the active theme was read in the last 5 s; the request that finds it
        // older goes on to the filter, which reads it again. So at most one of the two reaches the filter.
        double byFront = counter("answered_by=\"front\"") - front;
        double byFilter = counter("answered_by=\"filter\"") - filter;
        assertThat(byFront).as("answered before the filters").isGreaterThanOrEqualTo(1);
        assertThat(byFront + byFilter).isEqualTo(2);
    }

    @Test
    void theServersOwnEndpointsAreNeverCached() throws Exception {
        for (String path : new String[] {"/metrics", "/health"}) {
            raw(path);
            HttpResponse<byte[]> second = raw(path);
            assertThat(second.statusCode()).as(path).isEqualTo(200);
            assertThat(header(second, CACHE)).as(path).isEmpty();
        }
    }

    /** A counter of the page cache's hits on {@code /metrics}, chosen by its tag. */
    private static double counter(String tag) throws Exception {
        String metrics = new String(raw("/metrics").body(), StandardCharsets.UTF_8);
        return metrics.lines().filter(l -> l.startsWith("scriptorium_page_cache_hits_total{") && l.contains(tag))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no hits counter " + tag + " in:\n" + metrics));
    }

    /** The page with the comment form's signed token blanked: it carries the time the page was rendered. */
    private static String withoutRenderTokens(byte[] page) {
        return new String(page, java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("name=\"comment:token\" value=\"[^\"]*\"", "name=\"comment:token\" value=\"\"");
    }

    private static byte[] gunzip(byte[] body) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
