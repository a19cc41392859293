package org.wayfarer.journey.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.wayfarer.journey.definition.ValidationProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a publish's {@code migrate} map (old node id to new node id) against the journey's older versions and the
 * version being published, before anything is published. Pure: reads only the definitions' JSON (node ids, their
 * {@code type} and whether a waitFor has a {@code timeout}), so a version the compiler would refuse today is still
 * read. An entry is accepted when
 * <ul>
 *   <li>the old node is a {@code wait} or {@code waitFor} of at least one older version (only there can an instance
 *       be WAITING; error {@code unknown-node} when no older version has the node, {@code not-a-waiting-node} when it
 *       never waits);</li>
 *   <li>the new node is a {@code wait} or {@code waitFor} of the target version ({@code unknown-target},
 *       {@code target-not-waiting}): a moved instance goes on from there, and a wait node before it would re-run
 *       nothing, while a send node would;</li>
 *   <li>an instance moved onto a {@code wait} has a timer, i.e. the old node is no waitFor without a timeout in any
 *       older version ({@code never-wakes}): a moved instance keeps its wake-up time, and without one it would wait
 *       forever.</li>
 * </ul>
 * Each problem's pointer is {@code /migrate/<old node id>} (RFC 6901 escaped).
 */
public final class MigrationMap {

    private MigrationMap() {
    }

    /** What a definition says about one of its nodes. */
    private record NodeShape(String type, boolean hasTimeout) {

        boolean waits() {
            return "wait".equals(type) || "waitFor".equals(type);
        }
    }

    /**
     * @param older         the definition JSON of every older version, by version number
     * @param targetVersion the number of the version the instances move to
     * @param target        its definition JSON
     * @return every problem, in the map's order; empty when the map may be applied
     */
    public static List<ValidationProblem> problems(Map<String, String> migrate, Map<Integer, String> older,
                                                   int targetVersion, String target) {
        Map<Integer, Map<String, NodeShape>> olderNodes = new LinkedHashMap<>();
        older.forEach((number, json) -> olderNodes.put(number, nodes(json)));
        Map<String, NodeShape> targetNodes = nodes(target);
        List<ValidationProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> entry : migrate.entrySet()) {
            String from = entry.getKey();
            String pointer = "/migrate/" + from.replace("~", "~0").replace("/", "~1");
            List<NodeShape> shapes = olderNodes.values().stream().map(nodes -> nodes.get(from))
                    .filter(Objects::nonNull).toList();
            if (shapes.isEmpty()) {
                problems.add(new ValidationProblem(pointer, "unknown-node", older.isEmpty()
                        ? "the journey has no older version to migrate from"
                        : "no older version (" + versions(older) + ") has a node '" + from + "'"));
            } else if (shapes.stream().noneMatch(NodeShape::waits)) {
                problems.add(new ValidationProblem(pointer, "not-a-waiting-node", "node '" + from + "' is a "
                        + shapes.get(0).type() + " in every older version that has it; only instances at a wait or "
                        + "waitFor node wait, so none can be moved from there"));
            }
            NodeShape to = targetNodes.get(entry.getValue());
            if (to == null) {
                problems.add(new ValidationProblem(pointer, "unknown-target", "version " + targetVersion
                        + " has no node '" + entry.getValue() + "'"));
            } else if (!to.waits()) {
                problems.add(new ValidationProblem(pointer, "target-not-waiting", "node '" + entry.getValue()
                        + "' of version " + targetVersion + " is a " + to.type() + "; instances can move only to a "
                        + "wait or waitFor node"));
            } else if ("wait".equals(to.type()) && shapes.stream()
                    .anyMatch(shape -> "waitFor".equals(shape.type()) && !shape.hasTimeout())) {
                problems.add(new ValidationProblem(pointer, "never-wakes", "node '" + from + "' is a waitFor "
                        + "without a timeout in an older version, so its instances have no wake-up time; at wait node '"
                        + entry.getValue() + "' they would never wake"));
            }
        }
        return problems;
    }

    private static String versions(Map<Integer, String> older) {
        return older.keySet().stream().sorted().map(v -> "v" + v).reduce((a, b) -> a + ", " + b).orElse("");
    }

    /** Node ids with their type; a definition that is not JSON, or has no nodes object, has none. */
    private static Map<String, NodeShape> nodes(String json) {
        Map<String, NodeShape> shapes = new LinkedHashMap<>();
        JsonNode nodes;
        try {
            JsonNode root = JsonMapper.shared().readTree(json);
            nodes = root == null ? null : root.get("nodes");
        } catch (JacksonException e) {
            return shapes;
        }
        if (nodes == null || !nodes.isObject()) {
            return shapes;
        }
        for (Map.Entry<String, JsonNode> node : nodes.properties()) {
            JsonNode type = node.getValue().get("type");
            JsonNode timeout = node.getValue().get("timeout");
            shapes.put(node.getKey(), new NodeShape(type != null && type.isString() ? type.asString() : "node without "
                    + "a type", timeout != null && !timeout.isNull()));
        }
        return shapes;
    }
}
