package org.wayfarer.journey.recipe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wayfarer.journey.definition.ValidationProblem;
import tools.jackson.databind.JsonNode;

/**
 * Reads the body of a create-from-recipe request, {@code {"overrides": {"key": ..., "name": ..., "params": {...}}}};
 * no body, {@code {}} and {@code {"overrides": {}}} all mean "the recipe as shipped". Strict: a field it does not
 * know is an error, so a misspelt {@code "param"} is not silently ignored.
 */
final class RecipeOverridesReader {

    private static final Set<String> BODY_FIELDS = Set.of("overrides");
    private static final Set<String> OVERRIDE_FIELDS = Set.of("key", "name", "params");

    private RecipeOverridesReader() {
    }

    /**
     * @param body the request body, null or a missing node when there is none
     * @throws InvalidRecipeOverridesException listing every problem, each at its pointer into {@code body}
     */
    static RecipeOverrides read(JsonNode body, Recipe recipe) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (body == null || body.isMissingNode() || body.isNull()) {
            return RecipeOverrides.none();
        }
        if (!body.isObject()) {
            throw new InvalidRecipeOverridesException(List.of(new ValidationProblem("", "not-an-object",
                    "the body must be a JSON object: {\"overrides\": {\"key\", \"name\", \"params\"}}")));
        }
        unknownFields(body, "", BODY_FIELDS, problems);
        JsonNode overrides = body.get("overrides");
        if (overrides == null || overrides.isNull()) {
            return orThrow(RecipeOverrides.none(), problems);
        }
        if (!overrides.isObject()) {
            problems.add(new ValidationProblem("/overrides", "bad-value",
                    "'overrides' must be an object with any of key, name, params"));
            return orThrow(RecipeOverrides.none(), problems);
        }
        unknownFields(overrides, "/overrides", OVERRIDE_FIELDS, problems);
        String key = text(overrides, "key", problems);
        String name = text(overrides, "name", problems);
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode values = overrides.get("params");
        if (values != null && !values.isNull()) {
            if (values.isObject()) {
                for (Map.Entry<String, JsonNode> value : values.properties()) {
                    params.put(value.getKey(), value.getValue().isString() ? value.getValue().stringValue() : null);
                }
                problems.addAll(recipe.parameterProblems(params));
            } else {
                problems.add(new ValidationProblem("/overrides/params", "bad-value",
                        "'params' must be an object of parameter values by name"));
            }
        }
        return orThrow(new RecipeOverrides(key, name, params), problems);
    }

    private static RecipeOverrides orThrow(RecipeOverrides overrides, List<ValidationProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRecipeOverridesException(problems);
        }
        return overrides;
    }

    private static void unknownFields(JsonNode object, String pointer, Set<String> known,
                                      List<ValidationProblem> problems) {
        for (String field : object.propertyNames()) {
            if (!known.contains(field)) {
                problems.add(new ValidationProblem(pointer + "/" + field.replace("~", "~0").replace("/", "~1"),
                        "unknown-field", "not an override; the body is {\"overrides\": {"
                        + "\"key\", \"name\", \"params\"}}"));
            }
        }
    }

    private static String text(JsonNode overrides, String field, List<ValidationProblem> problems) {
        JsonNode value = overrides.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.add(new ValidationProblem("/overrides/" + field, "bad-value",
                    "'" + field + "' must be a string"));
            return null;
        }
        return value.stringValue();
    }
}
