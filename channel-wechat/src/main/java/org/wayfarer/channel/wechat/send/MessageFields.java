package org.wayfarer.channel.wechat.send;

import java.util.Map;

/** Reads text fields of a rendered message, naming the offending key (with its {@code prefix}) when one is wrong. */
final class MessageFields {

    private MessageFields() {
    }

    /** @throws IllegalArgumentException when the field is missing, blank or not a string */
    static String required(Map<?, ?> map, String key, String prefix) {
        String value = optional(map, key, prefix);
        if (value == null) {
            throw new IllegalArgumentException(prefix + key + " is required");
        }
        return value;
    }

    /** Null when missing or blank. @throws IllegalArgumentException when the field is not a string */
    static String optional(Map<?, ?> map, String key, String prefix) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException(prefix + key + " must be a string");
        }
        return text.isBlank() ? null : text;
    }
}
