package org.wayfarer.journey.definition;

import java.util.Map;

/**
 * A send node's {@code message} object with every string leaf compiled as a logic-less (Mustache) template.
 * Rendering never fails on missing fields: they render as empty text. Thread-safe.
 */
public interface MessageTemplate {

    /**
     * The message with every string leaf rendered; nested objects and lists keep their shape.
     *
     * @throws TemplateRenderException naming the field, when rendering goes over the size limits (too many section
     *                                 iterations, a value or the whole message too long) or runs out of stack or
     *                                 memory; nothing is half-rendered then
     */
    Map<String, Object> render(Facts facts);
}
