package org.wayfarer.admin.journeys;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wayfarer.admin.problem.RequestProblems;
import tools.jackson.databind.JsonNode;

/**
 * Reads the optional body of {@code POST /journeys/{id}/publish}: {@code {"migrate": {"<old node id>": "<new node
 * id>", ...}}}. Checks only the shape (an object with at most {@value #MAX_ENTRIES} entries, each a non-blank node id
 * naming a non-blank node id); whether the nodes exist and can hold a waiting instance is the engine's check. Every
 * problem is reported at once, each at its JSON pointer ({@code /migrate/<old node id>}), as 400. Stateless.
 */
final class PublishRequestReader {

    /** Most entries of one migration; a journey has far fewer wait nodes. */
    static final int MAX_ENTRIES = 100;
    private static final int MAX_NODE_ID_LENGTH = 64;

    private PublishRequestReader() {
    }

    /**
     * @param body the request body, null when there is none
     * @return the migration map in the body's order; empty for no body, no {@code migrate} or an empty one
     * @throws org.wayfarer.admin.problem.InvalidRequestException listing every problem
     */
    static Map<String, String> migrate(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return Map.of();
        }
        RequestProblems problems = new RequestProblems();
        if (!body.isObject()) {
            problems.add("", "not-an-object", "the body is a JSON object: {\"migrate\": {\"<old node id>\": "
                    + "\"<new node id>\"}}");
            problems.throwIfAny();
        }
        for (String field : body.propertyNames()) {
            if (!"migrate".equals(field)) {
                problems.add(RequestProblems.child("", field), "unknown-field", "publish takes only 'migrate'");
            }
        }
        JsonNode migrate = body.get("migrate");
        Map<String, String> moves = new LinkedHashMap<>();
        if (migrate != null && !migrate.isNull()) {
            if (!migrate.isObject()) {
                problems.add("/migrate", "not-an-object", "'migrate' maps old node ids to new node ids");
            } else if (migrate.size() > MAX_ENTRIES) {
                problems.add("/migrate", "too-many-entries", "'migrate' may have at most " + MAX_ENTRIES
                        + " entries");
            } else {
                read(migrate, moves, problems);
            }
        }
        problems.throwIfAny();
        return Collections.unmodifiableMap(moves);
    }

    private static void read(JsonNode migrate, Map<String, String> moves, RequestProblems problems) {
        for (Map.Entry<String, JsonNode> entry : migrate.properties()) {
            String pointer = RequestProblems.child("/migrate", entry.getKey());
            JsonNode target = entry.getValue();
            if (entry.getKey().isBlank() || entry.getKey().length() > MAX_NODE_ID_LENGTH) {
                problems.add(pointer, "invalid-node", "an old node id has 1 to " + MAX_NODE_ID_LENGTH
                        + " characters");
            } else if (target == null || !target.isString() || target.asString().isBlank()
                    || target.asString().length() > MAX_NODE_ID_LENGTH) {
                problems.add(pointer, "invalid-target", "the new node id is a string of 1 to " + MAX_NODE_ID_LENGTH
                        + " characters");
            } else {
                moves.put(entry.getKey(), target.asString());
            }
        }
    }
}
