package org.wayfarer.admin.support;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.wayfarer.journey.definition.Compilation;
import org.wayfarer.journey.definition.Entry;
import org.wayfarer.journey.definition.EntryPolicy;
import org.wayfarer.journey.definition.ExitNode;
import org.wayfarer.journey.definition.JourneyCompiler;
import org.wayfarer.journey.definition.JourneyDefinition;
import org.wayfarer.journey.definition.Node;
import org.wayfarer.journey.definition.Trigger;
import org.wayfarer.journey.definition.ValidationProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the journey compiler while it is being written: a few structural rules (key, trigger event, start
 * and every {@code next} resolve), enough for the REST layer's tests to be about the REST layer. The compiler is a
 * final class, so this is a Mockito mock answering through {@link #compile}. The compiler's own behaviour behind
 * the API is covered by {@code JourneyCompilerFlowIT}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StubCompilerConfiguration {

    @Bean
    JourneyCompiler journeyCompiler() {
        JourneyCompiler compiler = mock(JourneyCompiler.class);
        when(compiler.compile(anyString())).thenAnswer(call -> compile(call.getArgument(0)));
        return compiler;
    }

    static Compilation compile(String json) {
        JsonNode root;
        try {
            root = JsonMapper.shared().readTree(json);
        } catch (JacksonException e) {
            return invalid(new ValidationProblem("", "malformed-json", "not valid JSON"));
        }
        if (root == null || !root.isObject()) {
            return invalid(new ValidationProblem("", "not-an-object", "a definition is a JSON object"));
        }
        List<ValidationProblem> errors = new ArrayList<>();
        String key = text(root, "key");
        if (key == null) {
            errors.add(new ValidationProblem("/key", "required", "a journey needs a key"));
        }
        String event = root.has("trigger") ? text(root.get("trigger"), "event") : null;
        if (event == null) {
            errors.add(new ValidationProblem("/trigger/event", "required", "a trigger needs an event"));
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        JsonNode nodesJson = root.get("nodes");
        if (nodesJson != null && nodesJson.isObject()) {
            for (String id : nodesJson.propertyNames()) {
                nodes.put(id, new ExitNode(id));
            }
            for (String id : nodesJson.propertyNames()) {
                String next = text(nodesJson.get(id), "next");
                if (next != null && !nodes.containsKey(next)) {
                    errors.add(new ValidationProblem("/nodes/" + id + "/next", "dangling-next",
                            "no node '" + next + "'"));
                }
            }
        }
        String start = text(root, "start");
        if (start == null || !nodes.containsKey(start)) {
            errors.add(new ValidationProblem("/start", "dangling-start", "start must name a node"));
        }
        if (!errors.isEmpty()) {
            return new Compilation(null, errors, List.of());
        }
        List<ValidationProblem> warnings = root.has("goal") ? List.of()
                : List.of(new ValidationProblem("/goal", "no-goal", "without a goal, conversions are not measured"));
        return new Compilation(new JourneyDefinition(key, text(root, "name"), new Trigger(event, null),
                new Entry(EntryPolicy.ONCE, null), List.of(), null, start, nodes), List.of(), warnings);
    }

    private static Compilation invalid(ValidationProblem problem) {
        return new Compilation(null, List.of(problem), List.of());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }
}
