package org.wayfarer.journey.definition;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads a node's link fields ({@code next}, {@code otherwise}, …) and records each as a graph edge. */
final class NodeLinks {

    private final JsonFields fields;

    NodeLinks(JsonFields fields) {
        this.fields = fields;
    }

    /** Reads an optional link field and records it as an edge; null when absent or not a string (reported). */
    String optional(JsonNode json, String field, String pointer, List<GraphRules.Edge> edges) {
        String next = fields.optionalString(json, field, pointer);
        if (next != null) {
            edges.add(new GraphRules.Edge(next, Problems.pointer(pointer, field)));
        }
        return next;
    }
}
