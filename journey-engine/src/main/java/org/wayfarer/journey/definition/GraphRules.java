package org.wayfarer.journey.definition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules about the shape of the node graph: every {@code next} names a node, {@code start} names a node, every node
 * is reachable from {@code start}, and every cycle passes through a wait node (otherwise a contact would loop forever
 * inside one step).
 */
final class GraphRules {

    /** A link to {@code target}, written at {@code pointer}. */
    record Edge(String target, String pointer) {
    }

    /** One node as the graph sees it. */
    record Vertex(String id, boolean isWait, List<Edge> edges) {

        Vertex {
            edges = List.copyOf(edges);
        }
    }

    private final Map<String, Vertex> graph;
    private final Problems problems;

    private GraphRules(Map<String, Vertex> graph, Problems problems) {
        this.graph = graph;
        this.problems = problems;
    }

    /**
     * @param graph every node by id, in document order
     * @param start the start node id, or null when missing or unusable (already reported)
     */
    static void check(LinkedHashMap<String, Vertex> graph, String start, Problems problems) {
        GraphRules rules = new GraphRules(graph, problems);
        rules.danglingEdges();
        if (start != null && !graph.isEmpty()) {
            if (graph.containsKey(start)) {
                rules.reachableFrom(start);
            } else {
                problems.error("/start", "unknown-start", "start '" + start + "' names no node; nodes are: "
                        + rules.nodeList());
            }
        }
        rules.cyclesWithoutWait();
    }

    private void danglingEdges() {
        for (Vertex vertex : graph.values()) {
            for (Edge edge : vertex.edges()) {
                if (!graph.containsKey(edge.target())) {
                    problems.error(edge.pointer(), "dangling-next", "'" + edge.target() + "' names no node; nodes are: "
                            + nodeList());
                }
            }
        }
    }

    private void reachableFrom(String start) {
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        reached.add(start);
        todo.add(start);
        while (!todo.isEmpty()) {
            for (Edge edge : graph.get(todo.poll()).edges()) {
                if (graph.containsKey(edge.target()) && reached.add(edge.target())) {
                    todo.add(edge.target());
                }
            }
        }
        for (String id : graph.keySet()) {
            if (!reached.contains(id)) {
                problems.error(Problems.pointer("/nodes", id), "unreachable-node", "node '" + id
                        + "' cannot be reached from start '" + start + "'; point a next at it or remove it");
            }
        }
    }

    /** Tarjan's strongly connected components over the non-wait nodes: each non-trivial one holds a bad cycle. */
    private void cyclesWithoutWait() {
        Tarjan tarjan = new Tarjan();
        for (Vertex vertex : graph.values()) {
            if (!vertex.isWait() && !tarjan.index.containsKey(vertex.id())) {
                tarjan.visit(vertex);
            }
        }
        for (Set<String> component : tarjan.cycles) {
            List<String> inOrder = graph.keySet().stream().filter(component::contains).toList();
            String loop = inOrder.size() == 1 ? "node '" + inOrder.get(0) + "' leads back to itself"
                    : "nodes " + String.join(", ", inOrder) + " lead back to each other";
            problems.error(Problems.pointer("/nodes", inOrder.get(0)), "cycle-without-wait", loop
                    + " without a wait node, so a contact would loop forever; put a wait node in the loop");
        }
    }

    private List<Vertex> nonWaitSuccessors(Vertex vertex) {
        List<Vertex> successors = new ArrayList<>();
        for (Edge edge : vertex.edges()) {
            Vertex target = graph.get(edge.target());
            if (target != null && !target.isWait()) {
                successors.add(target);
            }
        }
        return successors;
    }

    private String nodeList() {
        List<String> ids = new ArrayList<>(graph.keySet());
        return ids.size() <= 20 ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, 20)) + " and " + (ids.size() - 20) + " more";
    }

    /** Recursive Tarjan; depth is bounded by the node limit. */
    private final class Tarjan {

        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> lowLink = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private final List<Set<String>> cycles = new ArrayList<>();

        void visit(Vertex vertex) {
            String id = vertex.id();
            index.put(id, index.size());
            lowLink.put(id, index.get(id));
            stack.push(id);
            onStack.add(id);
            boolean selfLoop = false;
            for (Vertex next : nonWaitSuccessors(vertex)) {
                selfLoop |= next.id().equals(id);
                if (!index.containsKey(next.id())) {
                    visit(next);
                    lowLink.put(id, Math.min(lowLink.get(id), lowLink.get(next.id())));
                } else if (onStack.contains(next.id())) {
                    lowLink.put(id, Math.min(lowLink.get(id), index.get(next.id())));
                }
            }
            if (lowLink.get(id).equals(index.get(id))) {
                Set<String> component = new HashSet<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    component.add(member);
                } while (!member.equals(id));
                if (component.size() > 1 || selfLoop) {
                    cycles.add(component);
                }
            }
        }
    }
}
