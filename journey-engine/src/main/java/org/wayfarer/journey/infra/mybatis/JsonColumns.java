package org.wayfarer.journey.infra.mybatis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Maps stored as JSON text. An empty or absent map is written as {@code {}}. Thread-safe. */
final class JsonColumns {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
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

    /** A set of names as a JSON array, or SQL NULL when empty. */
    String writeSetOrNull(Set<String> names) {
        return names == null || names.isEmpty() ? null : mapper.writeValueAsString(names);
    }

    /** A stored JSON array of names; null or blank text reads as an empty set. */
    Set<String> readSet(String json) {
        if (json == null || json.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(mapper.readValue(json, NAMES));
    }

    /** The stored map, unmodifiable, in stored key order; null or blank text reads as an empty map. */
    Map<String, Object> read(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(mapper.readValue(json, MAP));
    }
}
