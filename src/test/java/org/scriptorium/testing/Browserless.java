package org.scriptorium.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A minimal HTTP user agent for integration tests: keeps cookies, does not follow redirects by itself, and
 * can fill in and submit a Faces form (it copies the hidden fields, such as the view state).
 */
public final class Browserless {

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    public Browserless(String baseUrl) {
        this.baseUrl = baseUrl;
        // HTTP/1.1 like a browser over plain http: the client's default h2c upgrade occasionally ended in
        // "EOF reached while reading" after a 30 s stall under load.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Follows redirects from a GET, up to five, and returns the last answer. */
    public HttpResponse<String> follow(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        for (int i = 0; i < 5 && r.statusCode() / 100 == 3; i++) {
            r = get(r.headers().firstValue("Location").orElseThrow());
        }
        return r;
    }

    /**
     * Submits the form with the given id found in a page, with the given field values (by the field's id
     * within the form, e.g. "email"; a key starting with "=" is a full field name, e.g. "=jakarta.faces.ViewState")
     * and the named submit button.
     */
    public HttpResponse<String> submit(HttpResponse<String> page, String formId, Map<String, String> fields,
                                       String button, String... headers) throws IOException, InterruptedException {
        String html = page.body();
        Matcher form = Pattern.compile("<form id=\"" + formId + "\"[^>]*action=\"([^\"]*)\"[^>]*>(.*?)</form>", Pattern.DOTALL)
                .matcher(html);
        if (!form.find()) {
            throw new IllegalStateException("No form " + formId + " in:\n" + html);
        }
        Map<String, String> values = new LinkedHashMap<>();
        Matcher hidden = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>").matcher(form.group(2));
        while (hidden.find()) {
            String tag = hidden.group();
            values.put(attr(tag, "name"), unescape(attr(tag, "value")));
        }
        fields.forEach((k, v) -> values.put(k.startsWith("=") ? k.substring(1) : formId + ":" + k, v));
        values.put(formId + ":" + button, "submit");
        String body = values.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(unescape(form.group(1)))))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A plain form POST with the given fields (no Faces hidden fields), as a forged request would be. */
    public HttpResponse<String> post(String path, Map<String, String> fields, String... headers)
            throws IOException, InterruptedException {
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A file for {@link #submitMultipart}. */
    public record FilePart(String fileName, String contentType, byte[] bytes) {
    }

    /**
     * Submits a multipart form like {@link #submit}, with files for some of its file inputs (by field id).
     * Hidden fields are copied from the page; check boxes are sent only when given in {@code fields}.
     */
    public HttpResponse<String> submitMultipart(HttpResponse<String> page, String formId, Map<String, String> fields,
                                                Map<String, FilePart> files, String button, String... headers)
            throws IOException, InterruptedException {
        String html = page.body();
        Matcher form = Pattern.compile("<form id=\"" + formId + "\"[^>]*action=\"([^\"]*)\"[^>]*>(.*?)</form>", Pattern.DOTALL)
                .matcher(html);
        if (!form.find()) {
            throw new IllegalStateException("No form " + formId + " in:\n" + html);
        }
        Map<String, String> values = new LinkedHashMap<>();
        Matcher hidden = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>").matcher(form.group(2));
        while (hidden.find()) {
            String tag = hidden.group();
            values.put(attr(tag, "name"), unescape(attr(tag, "value")));
        }
        fields.forEach((k, v) -> values.put(k.startsWith("=") ? k.substring(1) : formId + ":" + k, v));
        values.put(formId + ":" + button, "submit");
        String boundary = "----scriptorium" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> e : values.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                    + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, FilePart> f : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + formId + ":" + f.getKey()
                    + "\"; filename=\"" + f.getValue().fileName() + "\"\r\nContent-Type: " + f.getValue().contentType()
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(f.getValue().bytes());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(unescape(form.group(1)))))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        boolean origin = false;
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
            origin |= "Origin".equalsIgnoreCase(headers[i]);
        }
        if (!origin) {
            b.header("Origin", origin());
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * POSTs a raw body with a content type (a multipart upload, for example), with the site's own
     * {@code Origin} as a browser sends it.
     */
    public HttpResponse<String> postRaw(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).header("Origin", origin())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The site's origin (scheme, host and port), as a browser puts it in {@code Origin}. */
    private String origin() {
        URI base = URI.create(baseUrl);
        return base.getScheme() + "://" + base.getAuthority();
    }

    private String url(String pathOrUrl) {
        return pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl;
    }

    private static String attr(String tag, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? m.group(1) : "";
    }

    private static String unescape(String s) {
        return s.replace("&amp;", "&").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
