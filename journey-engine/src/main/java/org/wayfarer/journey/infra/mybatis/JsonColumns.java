package org.wayfarer.journey.infra.mybatis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Maps stored as JSON text. An empty or absent map is written as {@code {}}. Thread-safe. */
final class JsonColumns {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    JsonColumns(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String write(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return "{}";
        }
        return mapper.writeValueAsString(map);
    }

    /** Like {@link #write}, but an empty or absent map is written as SQL NULL (a column most rows leave empty). */
    String writeOrNull(Map<String, ?> map) {
        return map == null || map.isEmpty() ? null : mapper.writeValueAsString(map);
    }

    /** The stored map, unmodifiable, in stored key order; null or blank text reads as an empty map. */
    Map<String, Object> read(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(mapper.readValue(json, MAP));
    }
}
