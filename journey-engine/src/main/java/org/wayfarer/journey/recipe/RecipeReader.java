package org.wayfarer.journey.recipe;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one recipe document:
 * <pre>{@code
 * {"key": "abandoned-cart", "name": "...", "description": "...", "category": "conversion",
 *  "params": {"cartTemplateId": {"description": "...", "default": "TPL_CART", "pattern": "[A-Za-z0-9_-]{1,64}"}},
 *  "journey": {"trigger": ..., "start": ..., "nodes": {... "${cartTemplateId}" ...}}}
 * }</pre>
 * Shipped recipes are part of the product, so a malformed one is a build error, not user input: every problem is
 * collected and thrown at once.
 */
final class RecipeReader {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Set<String> FIELDS = Set.of("key", "name", "description", "category", "params", "journey");
    private static final Set<String> PARAMETER_FIELDS = Set.of("description", "default", "pattern");

    private RecipeReader() {
    }

    /**
     * @param origin where the document came from, for the message
     * @throws IllegalArgumentException listing every problem when the document is not a well-formed recipe
     */
    static Recipe read(String json, String origin) {
        JsonNode document;
        try {
            document = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("recipe " + origin + " is not valid JSON: " + e.getOriginalMessage());
        }
        List<String> problems = new ArrayList<>();
        if (document == null || !document.isObject()) {
            throw new IllegalArgumentException("recipe " + origin + " must be a JSON object");
        }
        for (String field : document.propertyNames()) {
            if (!FIELDS.contains(field)) {
                problems.add("/" + field + ": not a recipe field; recipes have " + FIELDS);
            }
        }
        String key = text(document, "key", "", problems);
        if (key != null && !KEY.matcher(key).matches()) {
            problems.add("/key: must be 1 to 64 lower-case letters, digits, '_' or '-'");
        }
        String name = text(document, "name", "", problems);
        String description = text(document, "description", "", problems);
        String category = text(document, "category", "", problems);
        List<RecipeParameter> parameters = parameters(document.get("params"), problems);
        JsonNode journey = document.get("journey");
        if (journey == null || !journey.isObject()) {
            problems.add("/journey: must be the journey definition, an object");
        } else {
            if (journey.has("key") || journey.has("name")) {
                problems.add("/journey: leave out key and name; they come from the overrides or the recipe");
            }
            placeholders(journey, parameters, problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("recipe " + origin + " is malformed: " + String.join("; ", problems));
        }
        return new Recipe(key, name, description, category, parameters, journey);
    }

    private static List<RecipeParameter> parameters(JsonNode params, List<String> problems) {
        List<RecipeParameter> parameters = new ArrayList<>();
        if (params == null || !params.isObject()) {
            problems.add("/params: must be an object of parameters by name (it may be empty)");
            return parameters;
        }
        for (Map.Entry<String, JsonNode> entry : params.properties()) {
            String pointer = "/params/" + entry.getKey();
            JsonNode spec = entry.getValue();
            if (!Placeholders.NAME.matcher(entry.getKey()).matches()) {
                problems.add(pointer + ": a parameter name is a letter then up to 31 letters or digits");
            }
            if (!spec.isObject()) {
                problems.add(pointer + ": must be {description, default, pattern}");
                continue;
            }
            for (String field : spec.propertyNames()) {
                if (!PARAMETER_FIELDS.contains(field)) {
                    problems.add(pointer + "/" + field + ": not a parameter field; parameters have "
                            + PARAMETER_FIELDS);
                }
            }
            String description = text(spec, "description", pointer, problems);
            String defaultValue = text(spec, "default", pointer, problems);
            String pattern = text(spec, "pattern", pointer, problems);
            if (description == null || defaultValue == null || pattern == null) {
                continue;
            }
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                problems.add(pointer + "/pattern: not a regular expression: " + e.getDescription());
                continue;
            }
            RecipeParameter parameter = new RecipeParameter(entry.getKey(), description, defaultValue, pattern);
            if (!parameter.accepts(defaultValue)) {
                problems.add(pointer + "/default: does not match the parameter's own pattern");
            }
            parameters.add(parameter);
        }
        return parameters;
    }

    /** Every placeholder names a parameter, and every parameter is used. */
    private static void placeholders(JsonNode journey, List<RecipeParameter> parameters, List<String> problems) {
        Set<String> used = new LinkedHashSet<>();
        Placeholders.collect(journey, "/journey", used, problems);
        Set<String> declared = new LinkedHashSet<>();
        parameters.forEach(p -> declared.add(p.name()));
        for (String name : used) {
            if (!declared.contains(name)) {
                problems.add("/journey: placeholder ${" + name + "} names no parameter in /params");
            }
        }
        for (String name : declared) {
            if (!used.contains(name)) {
                problems.add("/params/" + name + ": the journey never uses ${" + name + "}");
            }
        }
    }

    private static String text(JsonNode object, String field, String pointer, List<String> problems) {
        JsonNode value = object.get(field);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            problems.add(pointer + "/" + field + ": required, a non-blank string");
            return null;
        }
        return value.stringValue();
    }
}
