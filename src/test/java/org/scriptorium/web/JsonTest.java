package org.scriptorium.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.scriptorium.web.common.Json;

/** JSON for script elements: valid, and no text in it can end the script element. */
class JsonTest {

    @Test
    void stringsCannotCloseTheScriptElementAndStillParseBack() throws Exception {
        String hostile = "</script><script>alert(\"x\")</script> & <!-- \\ \u2028 \n";
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("headline", hostile);
        value.put("list", List.of(1, true, "a"));
        value.put("none", null);
        String json = Json.write(value);
        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028");
        JsonNode parsed = new ObjectMapper().readTree(json);
        assertThat(parsed.get("headline").asText()).isEqualTo(hostile);
        assertThat(parsed.get("list").get(1).asBoolean()).isTrue();
        assertThat(parsed.get("none").isNull()).isTrue();
    }
}
