package org.wayfarer.journey.definition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Reads the nodes that only choose a way: {@code branch}, {@code split} and {@code exit}. */
final class FlowNodeReader {

    private static final Set<String> BRANCH_FIELDS = Set.of("type", "cases", "otherwise");
    private static final Set<String> CASE_FIELDS = Set.of("when", "next");
    private static final Set<String> SPLIT_FIELDS = Set.of("type", "paths");
    private static final Set<String> PATH_FIELDS = Set.of("name", "weight", "next");
    private static final Set<String> EXIT_FIELDS = Set.of("type", "next");
    /** Path names end up in counter metrics ({@code path:<name>}, 48 characters). */
    private static final Pattern PATH_NAME = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int MAX_PATHS = 10;
    private static final int MAX_WEIGHT = 10_000;
    private static final String PATHS_SHAPE =
            "'paths' must be a list of 2 to " + MAX_PATHS + " {\"name\", \"weight\", \"next\"}";

    private final Problems problems;
    private final JsonFields fields;
    private final NodeLinks links;
    private final SpelExpressions expressions;

    FlowNodeReader(Problems problems, JsonFields fields, NodeLinks links, SpelExpressions expressions) {
        this.problems = problems;
        this.fields = fields;
        this.links = links;
        this.expressions = expressions;
    }

    BranchNode branch(String id, JsonNode json, String pointer, List<GraphRules.Edge> edges) {
        fields.warnUnknown(json, pointer, BRANCH_FIELDS);
        String casesPointer = Problems.pointer(pointer, "cases");
        JsonNode casesJson = JsonFields.present(json, "cases");
        List<BranchNode.Case> cases = new ArrayList<>();
        if (casesJson == null) {
            problems.error(casesPointer, "missing-field", "'cases' is required: a list of {\"when\", \"next\"}");
        } else if (!casesJson.isArray() || casesJson.isEmpty()) {
            problems.error(casesPointer, "bad-value", "'cases' must be a list of at least one {\"when\", \"next\"}");
        } else {
            for (int i = 0; i < casesJson.size(); i++) {
                BranchNode.Case branchCase = branchCase(casesJson.get(i), Problems.pointer(casesPointer, i), edges);
                if (branchCase != null) {
                    cases.add(branchCase);
                }
            }
        }
        String otherwise = links.optional(json, "otherwise", pointer, edges);
        return new BranchNode(id, cases, otherwise);
    }

    private BranchNode.Case branchCase(JsonNode json, String pointer, List<GraphRules.Edge> edges) {
        if (!json.isObject()) {
            problems.error(pointer, "bad-value", "a case must be an object {\"when\", \"next\"}");
            return null;
        }
        fields.warnUnknown(json, pointer, CASE_FIELDS);
        String when = fields.requiredString(json, "when", pointer);
        Expression condition = when == null ? null
                : expressions.compile(when, Problems.pointer(pointer, "when"), problems);
        if (JsonFields.present(json, "next") == null) {
            problems.error(Problems.pointer(pointer, "next"), "missing-field", "'next' is required in a case");
        }
        String next = links.optional(json, "next", pointer, edges);
        return condition == null || next == null ? null : new BranchNode.Case(condition, next);
    }

    SplitNode split(String id, JsonNode json, String pointer, List<GraphRules.Edge> edges) {
        fields.warnUnknown(json, pointer, SPLIT_FIELDS);
        String pathsPointer = Problems.pointer(pointer, "paths");
        JsonNode pathsJson = JsonFields.present(json, "paths");
        if (pathsJson == null || !pathsJson.isArray()) {
            problems.error(pathsPointer, pathsJson == null ? "missing-field" : "bad-value", PATHS_SHAPE);
            return null;
        }
        boolean countOk = pathsJson.size() >= 2 && pathsJson.size() <= MAX_PATHS;
        if (!countOk) {
            problems.error(pathsPointer, "bad-value", PATHS_SHAPE);
        }
        List<SplitNode.Path> paths = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < pathsJson.size(); i++) {
            SplitNode.Path path = path(pathsJson.get(i), Problems.pointer(pathsPointer, i), edges);
            if (path != null && !names.add(path.name())) {
                problems.error(Problems.pointer(Problems.pointer(pathsPointer, i), "name"), "duplicate-path",
                        "path name '" + path.name() + "' is used twice in this split");
            }
            paths.add(path);
        }
        // the paths are read even when there are too few or many, so their links still count as edges
        return !countOk || paths.contains(null) ? null : new SplitNode(id, paths);
    }

    private SplitNode.Path path(JsonNode json, String pointer, List<GraphRules.Edge> edges) {
        if (!json.isObject()) {
            problems.error(pointer, "bad-value", "a path must be an object {\"name\", \"weight\", \"next\"}");
            return null;
        }
        fields.warnUnknown(json, pointer, PATH_FIELDS);
        String next = links.optional(json, "next", pointer, edges);
        String name = fields.requiredString(json, "name", pointer);
        if (name != null && !PATH_NAME.matcher(name).matches()) {
            problems.error(Problems.pointer(pointer, "name"), "bad-value", "path name '" + name
                    + "' must be 1 to 32 letters, digits, '_' or '-'");
            name = null;
        }
        JsonNode weight = JsonFields.present(json, "weight");
        if (weight == null || !weight.isIntegralNumber() || weight.asLong() < 1 || weight.asLong() > MAX_WEIGHT) {
            problems.error(Problems.pointer(pointer, "weight"), weight == null ? "missing-field" : "bad-value",
                    "'weight' must be a whole number from 1 to " + MAX_WEIGHT + " (weights are relative)");
            return null;
        }
        return name == null ? null : new SplitNode.Path(name, weight.asInt(), next);
    }

    ExitNode exit(String id, JsonNode json, String pointer) {
        if (JsonFields.present(json, "next") != null) {
            // a warning, not an error: the journey is still well defined, the author just expects more than happens
            problems.warning(Problems.pointer(pointer, "next"), "exit-next-ignored",
                    "an exit node ends the journey; its 'next' is ignored");
        }
        fields.warnUnknown(json, pointer, EXIT_FIELDS);
        return new ExitNode(id);
    }
}
