package org.wayfarer.journey.recipe;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code ${name}} placeholders of a recipe's journey. They stand only inside JSON string values, never in field
 * names, and are replaced in one pass, so a value is never searched again for placeholders. The syntax cannot be
 * mistaken for the Mustache tags ({@code {{...}}}) that messages render at send time, nor for SpEL, which has no
 * {@code ${...}} in the engine's expressions: {@code "{{event.scene}}"} and {@code "${scenePrefix}"} live side by
 * side, the first left for the send, the second filled in when the draft is created.
 */
final class Placeholders {

    static final String OPENING = "${";
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,31}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]{0,31})}");

    private Placeholders() {
    }

    /**
     * Adds the parameter names {@code node} uses to {@code names}, and a problem (a sentence) for every {@code ${}
     * that does not open a well-formed placeholder and every field name holding one.
     */
    static void collect(JsonNode node, String pointer, Set<String> names, List<String> problems) {
        if (node.isString()) {
            String text = node.stringValue();
            Matcher matcher = PLACEHOLDER.matcher(text);
            int wellFormed = 0;
            while (matcher.find()) {
                names.add(matcher.group(1));
                wellFormed++;
            }
            if (occurrences(text) != wellFormed) {
                problems.add(pointer + ": '${' must open a placeholder ${name}, the name letters and digits");
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().contains(OPENING)) {
                    problems.add(pointer + ": field names cannot hold placeholders");
                }
                collect(field.getValue(), pointer + "/" + field.getKey(), names, problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, names, problems);
            }
        }
    }

    /** A copy of {@code node} with every placeholder replaced by its value; every name must be in {@code values}. */
    static JsonNode substitute(JsonNode node, Map<String, String> values) {
        if (node.isString()) {
            Matcher matcher = PLACEHOLDER.matcher(node.stringValue());
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String value = values.get(matcher.group(1));
                if (value == null) {
                    throw new IllegalArgumentException("no value for placeholder ${" + matcher.group(1) + "}");
                }
                matcher.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(out);
            return JsonNodeFactory.instance.stringNode(out.toString());
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(field.getKey(), substitute(field.getValue(), values));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            for (JsonNode item : node.values()) {
                copy.add(substitute(item, values));
            }
            return copy;
        }
        return node.deepCopy();
    }

    /** Whether any string value or field name under {@code node} still holds {@code ${}. */
    static boolean anyLeft(JsonNode node) {
        if (node.isString()) {
            return node.stringValue().contains(OPENING);
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().contains(OPENING) || anyLeft(field.getValue())) {
                    return true;
                }
            }
        }
        if (node.isArray()) {
            for (JsonNode item : node.values()) {
                if (anyLeft(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int occurrences(String text) {
        int count = 0;
        for (int at = text.indexOf(OPENING); at >= 0; at = text.indexOf(OPENING, at + OPENING.length())) {
            count++;
        }
        return count;
    }
}
