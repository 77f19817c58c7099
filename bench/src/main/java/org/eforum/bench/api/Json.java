package org.eforum.bench.api;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One shared mapper: thread-safe, and building it costs more than a request. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static JsonNode read(String text) {
        return MAPPER.readTree(text);
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
