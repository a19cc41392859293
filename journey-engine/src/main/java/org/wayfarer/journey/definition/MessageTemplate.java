package org.wayfarer.journey.definition;

import java.util.Map;

/**
 * A send node's {@code message} object with every string leaf compiled as a logic-less (Mustache) template.
 * Rendering never fails on missing fields: they render as empty text. Thread-safe.
 */
public interface MessageTemplate {

    /** The message with every string leaf rendered; nested objects and lists keep their shape. */
    Map<String, Object> render(Facts facts);
}
