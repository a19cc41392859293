package org.wayfarer.journey.definition;

import java.time.Duration;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Typed reads of JSON object fields that report what is wrong instead of throwing. A JSON {@code null} counts as an
 * absent field, so ops can write {@code "next": null} for "the path ends".
 */
final class JsonFields {

    private final Problems problems;

    JsonFields(Problems problems) {
        this.problems = problems;
    }

    /** The field's node, or null when it is absent or JSON null. */
    static JsonNode present(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : value;
    }

    /** A required string; reports {@code missing-field} or {@code bad-value} and returns null when unusable. */
    String requiredString(JsonNode object, String field, String pointer) {
        JsonNode value = present(object, field);
        if (value == null) {
            problems.error(Problems.pointer(pointer, field), "missing-field", "'" + field + "' is required");
            return null;
        }
        return string(value, field, pointer);
    }

    /** An optional string; null when absent. Reports {@code bad-value} when it is not a string. */
    String optionalString(JsonNode object, String field, String pointer) {
        JsonNode value = present(object, field);
        return value == null ? null : string(value, field, pointer);
    }

    /** A required object; reports {@code missing-field} or {@code bad-value} and returns null when unusable. */
    JsonNode requiredObject(JsonNode object, String field, String pointer) {
        JsonNode value = present(object, field);
        if (value == null) {
            problems.error(Problems.pointer(pointer, field), "missing-field", "'" + field + "' is required");
            return null;
        }
        return object(value, field, pointer);
    }

    /** An optional object; null when absent. Reports {@code bad-value} when it is not an object. */
    JsonNode optionalObject(JsonNode object, String field, String pointer) {
        JsonNode value = present(object, field);
        return value == null ? null : object(value, field, pointer);
    }

    /** An optional boolean; {@code absent} when absent. Reports {@code bad-value} when it is not true or false. */
    boolean optionalBoolean(JsonNode object, String field, String pointer, boolean absent) {
        JsonNode value = present(object, field);
        if (value == null) {
            return absent;
        }
        if (!value.isBoolean()) {
            problems.error(Problems.pointer(pointer, field), "bad-value", "'" + field + "' must be true or false");
            return absent;
        }
        return value.booleanValue();
    }

    /** Warns ({@code unknown-field}) about every field of {@code object} not in {@code known}. */
    void warnUnknown(JsonNode object, String pointer, Set<String> known) {
        for (String name : object.propertyNames()) {
            if (!known.contains(name)) {
                problems.warning(Problems.pointer(pointer, name), "unknown-field",
                        "'" + name + "' is not a field here and is ignored; known fields: " + sorted(known));
            }
        }
    }

    static String sorted(Set<String> names) {
        return String.join(", ", names.stream().sorted().toList());
    }

    private String string(JsonNode value, String field, String pointer) {
        if (!value.isString()) {
            problems.error(Problems.pointer(pointer, field), "bad-value", "'" + field + "' must be a string");
            return null;
        }
        return value.stringValue();
    }

    private JsonNode object(JsonNode value, String field, String pointer) {
        if (!value.isObject()) {
            problems.error(Problems.pointer(pointer, field), "bad-value", "'" + field + "' must be an object");
            return null;
        }
        return value;
    }

    /** Reads a duration field; reports {@code bad-duration} (or {@code missing-field} when required). */
    Duration duration(JsonNode json, String field, String pointer, boolean required) {
        String fieldPointer = Problems.pointer(pointer, field);
        JsonNode value = JsonFields.present(json, field);
        if (value == null) {
            if (required) {
                problems.error(fieldPointer, "missing-field", "'" + field + "' is required, e.g. \"PT24H\"");
            }
            return null;
        }
        if (!value.isString()) {
            problems.error(fieldPointer, "bad-duration", "'" + field
                    + "' must be an ISO-8601 duration string such as \"PT24H\" or \"P7D\"");
            return null;
        }
        try {
            return Durations.parse(value.stringValue());
        } catch (IllegalArgumentException e) {
            problems.error(fieldPointer, "bad-duration", e.getMessage());
            return null;
        }
    }
}
