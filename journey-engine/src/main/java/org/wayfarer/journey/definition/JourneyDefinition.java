package org.wayfarer.journey.definition;

import java.util.List;
import java.util.Map;

/**
 * A validated journey (the journey language v1). Only {@link JourneyCompiler} builds these, so every {@code next}
 * resolves, expressions compile and the graph has no cycle without a wait.
 *
 * @param goal nullable
 */
public record JourneyDefinition(String key, String name, Trigger trigger, Entry entry, List<EventCriterion> exitWhen,
                                Goal goal, String start, Map<String, Node> nodes, SendRules sendRules) {

    public JourneyDefinition {
        exitWhen = List.copyOf(exitWhen);
        nodes = Map.copyOf(nodes);
        sendRules = sendRules == null ? SendRules.none() : sendRules;
    }

    /** A journey with no send rules of its own (the tenant's apply). */
    public JourneyDefinition(String key, String name, Trigger trigger, Entry entry, List<EventCriterion> exitWhen,
                             Goal goal, String start, Map<String, Node> nodes) {
        this(key, name, trigger, entry, exitWhen, goal, start, nodes, SendRules.none());
    }

    public Node node(String id) {
        Node node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("journey '" + key + "' has no node '" + id + "'");
        }
        return node;
    }
}
