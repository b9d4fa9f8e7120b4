package org.scriptorium.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.scriptorium.web.common.Gzip;
import org.scriptorium.web.common.Validators;

/** Accept-Encoding negotiation, entity tags and If-None-Match matching. */
class HttpDeliveryTest {

    @Test
    void gzipIsUsedOnlyWhenTheClientAdmitsIt() {
        assertThat(Gzip.accepted("gzip, deflate, br")).isTrue();
        assertThat(Gzip.accepted("br;q=1.0, GZIP;q=0.5")).isTrue();
        assertThat(Gzip.accepted("*")).isTrue();
        assertThat(Gzip.accepted("gzip;q=0, *")).isFalse();
        assertThat(Gzip.accepted("*;q=0")).isFalse();
        assertThat(Gzip.accepted("identity")).isFalse();
        assertThat(Gzip.accepted("gzip;q=zero")).isFalse();
        assertThat(Gzip.accepted(null)).isFalse();
        assertThat(Gzip.accepted("")).isFalse();
    }

    @Test
    void textTypesAreCompressibleOthersAreNot() {
        assertThat(Gzip.compressible("text/html;charset=UTF-8")).isTrue();
        assertThat(Gzip.compressible("application/xml; charset=UTF-8")).isTrue();
        assertThat(Gzip.compressible("application/rss+xml")).isTrue();
        assertThat(Gzip.compressible("application/json")).isTrue();
        assertThat(Gzip.compressible("text/css")).isTrue();
        assertThat(Gzip.compressible("image/png")).isFalse();
        assertThat(Gzip.compressible("font/woff2")).isFalse();
        assertThat(Gzip.compressible(null)).isFalse();
    }

    @Test
    void compressionRoundTrips() throws Exception {
        byte[] body = "<p>Lorem ipsum dolor sit amet, àèìòù</p>".repeat(100).getBytes(StandardCharsets.UTF_8);
        byte[] gz = Gzip.compress(body);
        assertThat(gz.length).isLessThan(body.length / 10);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertThat(in.readAllBytes()).isEqualTo(body);
        }
    }

    @Test
    void theTagIsStrongAndFollowsTheBytes() {
        String a = Validators.etag("one".getBytes(StandardCharsets.UTF_8));
        assertThat(a).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(Validators.etag("one".getBytes(StandardCharsets.UTF_8))).isEqualTo(a);
        assertThat(Validators.etag("two".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(a);
        assertThat(Validators.gzipped(a)).startsWith(a.substring(0, a.length() - 1)).endsWith("-gz\"");
    }

    @Test
    void ifNoneMatchComparesWeaklyAndKnowsTheGzipVariant() {
        String tag = Validators.etag("page".getBytes(StandardCharsets.UTF_8));
        assertThat(Validators.matches(tag, tag)).isTrue();
        assertThat(Validators.matches("W/" + tag, tag)).isTrue();
        assertThat(Validators.matches("\"x\", " + Validators.gzipped(tag), tag)).isTrue();
        assertThat(Validators.matches("*", tag)).isTrue();
        assertThat(Validators.matches("\"x\", \"y\"", tag)).isFalse();
        assertThat(Validators.matches(tag.substring(1, tag.length() - 1), tag)).as("unquoted").isFalse();
        assertThat(Validators.matches("", tag)).isFalse();
    }
}
