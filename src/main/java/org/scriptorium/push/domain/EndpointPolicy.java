package org.scriptorium.push.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which push service endpoints the site accepts in a subscription. The server later POSTs to every endpoint it
 * stored, so accepting any URL would let anyone make the site send requests wherever they like; only the push
 * services of the browsers are allowed. Each entry is {@code scheme://host[:port]}; the host may start with
 * {@code *.} (any subdomain) and the port may be {@code *}. Without a port the scheme's default port is meant.
 */
public final class EndpointPolicy {

    /** The push services of Chrome/Edge/Opera (FCM), Firefox (autopush), Windows (WNS) and Safari (APNs). */
    public static final String DEFAULT = "https://fcm.googleapis.com,https://*.googleapis.com,"
            + "https://updates.push.services.mozilla.com,https://*.push.services.mozilla.com,"
            + "https://*.notify.windows.com,https://web.push.apple.com,https://*.push.apple.com";

    private record Origin(String scheme, String host, String port) {
    }

    private final List<Origin> allowed;

    private EndpointPolicy(List<Origin> allowed) {
        this.allowed = allowed;
    }

    /** Parses a comma-separated list of allowed origins. */
    public static EndpointPolicy of(String list) {
        List<Origin> origins = Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(EndpointPolicy::origin).toList();
        return new EndpointPolicy(origins);
    }

    private static Origin origin(String entry) {
        int schemeEnd = entry.indexOf("://");
        if (schemeEnd < 1) {
            throw new IllegalArgumentException("Not an origin: " + entry);
        }
        String scheme = entry.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String rest = entry.substring(schemeEnd + 3);
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        int colon = rest.lastIndexOf(':');
        String host = colon > 0 && !rest.endsWith("]") ? rest.substring(0, colon) : rest;
        String port = colon > 0 && !rest.endsWith("]") ? rest.substring(colon + 1) : String.valueOf(defaultPort(scheme));
        return new Origin(scheme, host.toLowerCase(Locale.ROOT), port);
    }

    /** True when the endpoint is an absolute URL on an allowed push service, with no user info or fragment. */
    public boolean allows(String endpoint) {
        if (endpoint == null || endpoint.length() > 1000) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            return false;
        }
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            return false;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String port = String.valueOf(uri.getPort() < 0 ? defaultPort(scheme) : uri.getPort());
        return allowed.stream().anyMatch(o -> o.scheme().equals(scheme) && hostMatches(o.host(), host)
                && ("*".equals(o.port()) || o.port().equals(port)));
    }

    private static boolean hostMatches(String pattern, String host) {
        if (pattern.startsWith("*.")) {
            return host.endsWith(pattern.substring(1));
        }
        return pattern.equals(host);
    }

    private static int defaultPort(String scheme) {
        return "http".equals(scheme) ? 80 : 443;
    }
}
