package org.scriptorium.web.common;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address of the client behind a request. {@code X-Forwarded-For} is believed only when the direct
 * peer is one of the configured trusted proxies ({@code SCRIPTORIUM_TRUSTED_PROXIES}, comma-separated);
 * otherwise anyone could pick an address and escape per-address limits.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request, String trustedProxies) {
        String peer = request.getRemoteAddr();
        List<String> trusted = Arrays.stream(trustedProxies.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (!trusted.contains(peer)) {
            return peer;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trusted.contains(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return peer;
    }
}
