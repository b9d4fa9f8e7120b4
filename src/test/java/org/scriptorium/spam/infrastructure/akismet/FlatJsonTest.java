package org.scriptorium.spam.infrastructure.akismet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class FlatJsonTest {

    @Test
    void readsAkismetsUsageObject() {
        Map<String, Object> json = FlatJson.parseObject(
                " {\"limit\":350000, \"usage\":7463,\"percentage\":\"2.13\",\"throttled\":false,\"note\":\"a\\\"b\\u00e9\",\"x\":null}\n");

        assertThat(json).containsEntry("limit", new FlatJson.JsonNumber("350000"))
                .containsEntry("usage", new FlatJson.JsonNumber("7463")).containsEntry("percentage", "2.13")
                .containsEntry("throttled", false).containsEntry("note", "a\"bé").containsEntry("x", null);
        assertThat(FlatJson.parseObject("{}")).isEmpty();
    }

    @Test
    void rejectsAnythingElse() {
        for (String bad : new String[] {"", "valid", "[1]", "{\"a\":{}}", "{\"a\":1", "{\"a\":1} x", "{\"a\":1.2.3}",
                "{a:1}", "{\"a\":tru}"}) {
            assertThatThrownBy(() -> FlatJson.parseObject(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
