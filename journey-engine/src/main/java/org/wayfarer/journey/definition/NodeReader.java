package org.wayfarer.journey.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code nodes} object: each node's own fields, plus the links between nodes for {@link GraphRules}.
 * A node with errors is left out of {@link Result#nodes()} but kept in the graph, so one mistake does not cascade
 * into "names no node" errors elsewhere.
 */
final class NodeReader {

    /** The nodes that read cleanly, and the graph of every node, both in document order. */
    record Result(Map<String, Node> nodes, LinkedHashMap<String, GraphRules.Vertex> graph) {
    }

    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final List<String> TYPES =
            List.of("send", "wait", "waitFor", "branch", "split", "update", "webhook", "exit");
    /** The node types that hold an instance until a time or an event: a cycle must pass through one. */
    private static final Set<String> WAITING_TYPES = Set.of("wait", "waitFor");
    /** Every field that links to another node, in any node type (for nodes whose type is unknown). */
    private static final List<String> LINK_FIELDS = List.of("next", "otherwise", "timeoutNext", "failed", "soldOut");

    private final Problems problems;
    private final JsonFields fields;
    private final NodeLinks links;
    private final TimingNodeReader timing;
    private final FlowNodeReader flow;
    private final UpdateNodeReader updates;
    private final WebhookNodeReader webhooks;
    private final SendNodeReader sends;
    private final int maxNodes;

    NodeReader(Problems problems, SpelExpressions expressions, Set<String> knownChannels, int maxNodes) {
        this.problems = problems;
        this.fields = new JsonFields(problems);
        this.links = new NodeLinks(fields);
        this.timing = new TimingNodeReader(problems, fields, links, expressions);
        this.flow = new FlowNodeReader(problems, fields, links, expressions);
        this.updates = new UpdateNodeReader(problems, fields, links);
        this.webhooks = new WebhookNodeReader(problems, fields, links);
        this.sends = new SendNodeReader(problems, fields, links,
                new SendRulesReader(problems, fields, knownChannels), knownChannels);
        this.maxNodes = maxNodes;
    }

    /** @param nodes the {@code nodes} field of the document, possibly null (absent) */
    Result read(JsonNode nodes) {
        Map<String, Node> read = new LinkedHashMap<>();
        LinkedHashMap<String, GraphRules.Vertex> graph = new LinkedHashMap<>();
        if (nodes == null || nodes.isNull()) {
            problems.error("/nodes", "missing-field", "'nodes' is required: an object of nodes by id");
            return new Result(read, graph);
        }
        if (!nodes.isObject() || nodes.isEmpty()) {
            problems.error("/nodes", "bad-value", "'nodes' must be an object holding at least one node by id");
            return new Result(read, graph);
        }
        if (nodes.size() > maxNodes) {
            problems.error("/nodes", "too-many-nodes", "a journey may have at most " + maxNodes
                    + " nodes; this one has " + nodes.size());
        }
        for (Map.Entry<String, JsonNode> entry : nodes.properties()) {
            String id = entry.getKey();
            String pointer = Problems.pointer("/nodes", id);
            if (!NODE_ID.matcher(id).matches()) {
                problems.error(pointer, "bad-value", "node id '" + id
                        + "' must be 1 to 64 letters, digits, '_' or '-'");
            }
            List<GraphRules.Edge> edges = new ArrayList<>();
            Node node = node(id, entry.getValue(), pointer, edges);
            graph.put(id, new GraphRules.Vertex(id, isWait(entry.getValue()), edges));
            if (node != null) {
                read.put(id, node);
            }
        }
        return new Result(read, graph);
    }

    private static boolean isWait(JsonNode node) {
        return node.isObject() && node.path("type").isString()
                && WAITING_TYPES.contains(node.path("type").stringValue());
    }

    /** Reads one node, adding its links to {@code edges}; null when it has errors (reported). */
    private Node node(String id, JsonNode json, String pointer, List<GraphRules.Edge> edges) {
        if (!json.isObject()) {
            problems.error(pointer, "bad-value", "node '" + id + "' must be an object with a \"type\"");
            return null;
        }
        String type = fields.requiredString(json, "type", pointer);
        if (type == null) {
            followAnyLinks(json, pointer, edges);
            return null;
        }
        int before = problems.errorCount();
        Node node;
        switch (type) {
            case "send" -> node = sends.send(id, json, pointer, edges);
            case "wait" -> node = timing.waitNode(id, json, pointer, edges);
            case "waitFor" -> node = timing.waitFor(id, json, pointer, edges);
            case "branch" -> node = flow.branch(id, json, pointer, edges);
            case "split" -> node = flow.split(id, json, pointer, edges);
            case "update" -> node = updates.update(id, json, pointer, edges);
            case "webhook" -> node = webhooks.webhook(id, json, pointer, edges);
            case "exit" -> node = flow.exit(id, json, pointer);
            default -> {
                problems.error(Problems.pointer(pointer, "type"), "unknown-node-type", "type '" + type
                        + "' is not one of " + String.join(", ", TYPES));
                followAnyLinks(json, pointer, edges);
                return null;
            }
        }
        return problems.errorCount() == before ? node : null;
    }

    /**
     * Records the links of a node whose type is unknown, so that the nodes after it are not also reported as
     * unreachable: a typo in one type should produce one error.
     */
    private static void followAnyLinks(JsonNode json, String pointer, List<GraphRules.Edge> edges) {
        for (String field : LINK_FIELDS) {
            if (json.path(field).isString()) {
                edges.add(new GraphRules.Edge(json.path(field).stringValue(), Problems.pointer(pointer, field)));
            }
        }
        for (String list : List.of("cases", "paths")) {
            JsonNode items = json.path(list);
            for (int i = 0; items.isArray() && i < items.size(); i++) {
                if (items.get(i).path("next").isString()) {
                    edges.add(new GraphRules.Edge(items.get(i).path("next").stringValue(),
                            Problems.pointer(Problems.pointer(Problems.pointer(pointer, list), i), "next")));
                }
            }
        }
    }

}
