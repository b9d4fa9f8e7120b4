package org.scriptorium.web.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.i18n.application.UiTexts;
import org.scriptorium.platform.config.Settings;
import org.scriptorium.push.application.PushException;
import org.scriptorium.push.application.PushSubscriptions;
import org.scriptorium.web.common.ClientAddress;
import org.scriptorium.web.common.RequestLanguage;

/**
 * The non-Faces side of push notifications: the service worker at {@code /sw.js} (served from the site root so
 * that its scope is the whole site), the prompt's script and the default icon under {@code /push/}, and the two
 * JSON endpoints the prompt posts to, {@code /push/subscription} (the browser subscribed) and
 * {@code /push/unsubscribe} (the reader turned notifications off).
 *
 * <p>The POSTs are protected against cross-site requests without a session (public pages stay stateless): the
 * {@code Origin} header (or {@code Sec-Fetch-Site}) must name this site, the body must be JSON (which a
 * cross-site form cannot send without a preflight this site never answers), and the header
 * {@code X-Push-Token} must repeat the value of the cookie {@code scriptorium_push_token} that the prompt's
 * script sets (a double-submit token another site can neither read nor set). Refusals answer 403, bad input
 * 400, both with a JSON {@code error} in the reader's language.
 */
@WebServlet(urlPatterns = {"/sw.js", "/push/*"})
public class PushEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** The cookie and header of the double-submit token. */
    public static final String TOKEN_COOKIE = "scriptorium_push_token";
    public static final String TOKEN_HEADER = "X-Push-Token";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,100}");
    private static final int MAX_BODY = 8 * 1024;
    private static final Map<String, String> FILES = Map.of(
            "/sw.js", "text/javascript;charset=UTF-8",
            "/push/prompt.js", "text/javascript;charset=UTF-8",
            "/push/icon.svg", "image/svg+xml");

    private final Map<String, byte[]> contents = new ConcurrentHashMap<>();

    @Inject
    private PushSubscriptions subscriptions;

    @Inject
    private LanguageService languages;

    @Inject
    private UiTexts texts;

    @Inject
    private Settings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = path(request);
        String type = FILES.get(path);
        if (type == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = contents.computeIfAbsent(path, this::load);
        if (body.length == 0) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(type);
        if ("/sw.js".equals(path)) {
            response.setHeader("Service-Worker-Allowed", request.getContextPath() + "/");
            response.setHeader("Cache-Control", "no-cache");
        } else {
            response.setHeader("Cache-Control", "public, max-age=3600");
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private byte[] load(String path) {
        String file = "/WEB-INF/push/" + path.substring(path.lastIndexOf('/') + 1);
        try (InputStream in = getServletContext().getResourceAsStream(file)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String path = path(request);
        boolean subscribe = "/push/subscription".equals(path);
        if (!subscribe && !"/push/unsubscribe".equals(path)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String fallbackLanguage = RequestLanguage.negotiate(request, languages);
        if (!sameOrigin(request) || !tokenMatches(request)) {
            error(response, HttpServletResponse.SC_FORBIDDEN, texts.msg(fallbackLanguage, "push.error.forbidden"));
            return;
        }
        String contentType = request.getContentType();
        Optional<JsonObject> json = contentType != null && contentType.toLowerCase().startsWith("application/json")
                ? read(request) : Optional.empty();
        if (json.isEmpty()) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, texts.msg(fallbackLanguage, "push.error.keys"));
            return;
        }
        JsonObject body = json.get();
        String lang = string(body, "lang");
        String language = languages.isEnabled(lang) ? lang : fallbackLanguage;
        if (!subscribe) {
            subscriptions.unsubscribe(string(body, "endpoint"));
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        JsonObject keys = body.get("keys") instanceof JsonObject k ? k : JsonValue.EMPTY_JSON_OBJECT;
        try {
            subscriptions.subscribe(new PushSubscriptions.Request(string(body, "endpoint"), string(keys, "p256dh"),
                    string(keys, "auth"), lang, ClientAddress.of(request, settings.trustedProxies()), page(body)));
        } catch (PushException e) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, message(e, language));
            return;
        }
        response.setStatus(HttpServletResponse.SC_CREATED);
        write(response, "{\"ok\":true}");
    }

    private String message(PushException e, String language) {
        return switch (e.reason()) {
            case ENDPOINT -> texts.msg(language, "push.error.endpoint");
            case LANGUAGE -> texts.msg(language, "push.error.language");
            default -> texts.msg(language, "push.error.keys");
        };
    }

    /** The request comes from a page of this site, by its Origin header or, lacking one, by Sec-Fetch-Site. */
    private boolean sameOrigin(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !"same-origin".equals(fetchSite)) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return fetchSite != null;
        }
        String own = request.getScheme() + "://" + request.getHeader("Host");
        return origin.equals(own) || origin.equals(originOf(settings.baseUrl()));
    }

    private static String originOf(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static boolean tokenMatches(HttpServletRequest request) {
        String header = request.getHeader(TOKEN_HEADER);
        if (header == null || !TOKEN.matcher(header).matches()) {
            return false;
        }
        return Optional.ofNullable(request.getCookies()).stream().flatMap(Arrays::stream)
                .filter(c -> TOKEN_COOKIE.equals(c.getName())).map(Cookie::getValue).anyMatch(header::equals);
    }

    private static Optional<JsonObject> read(HttpServletRequest request) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = request.getInputStream()) {
            byte[] buffer = new byte[1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_BODY) {
                    return Optional.empty();
                }
            }
        }
        try (var reader = Json.createReader(new StringReader(out.toString(StandardCharsets.UTF_8)))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject o ? Optional.of(o) : Optional.empty();
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static String string(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v != null && v.getValueType() == JsonValue.ValueType.STRING ? o.getString(name) : null;
    }

    /** The site-relative page the reader was on, as the script reports it; nothing else. */
    private static String page(JsonObject body) {
        String page = string(body, "page");
        return page != null && page.startsWith("/") && !page.startsWith("//") && page.length() <= 500 ? page : null;
    }

    private static void error(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        write(response, "{\"error\":" + org.scriptorium.web.common.Json.write(message) + "}");
    }

    private static void write(HttpServletResponse response, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
