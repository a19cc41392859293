package org.wayfarer.journey.recipe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.wayfarer.journey.definition.ValidationProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A shipped journey with its metadata: a full journey definition (the journey language, v1) but for its key and
 * name, with {@code ${param}} placeholders in string values where a tenant's own ids go. Immutable and thread-safe.
 */
public final class Recipe {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final String key;
    private final String name;
    private final String description;
    private final String category;
    private final List<RecipeParameter> parameters;
    private final JsonNode journey;

    Recipe(String key, String name, String description, String category, List<RecipeParameter> parameters,
           JsonNode journey) {
        this.key = Objects.requireNonNull(key, "key");
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.category = Objects.requireNonNull(category, "category");
        this.parameters = List.copyOf(parameters);
        this.journey = journey.deepCopy();
    }

    /** The recipe's key, also the key of a journey made from it without {@code overrides.key}. */
    public String key() {
        return key;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** What the recipe is for: {@code onboarding}, {@code membership}, {@code conversion}, {@code retention}. */
    public String category() {
        return category;
    }

    /** The parameters in the order the recipe declares them. */
    public List<RecipeParameter> parameters() {
        return parameters;
    }

    public Optional<RecipeParameter> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    /** The journey with its placeholders, without key and name (a copy). */
    public JsonNode journey() {
        return journey.deepCopy();
    }

    /**
     * The journey definition JSON for {@code overrides}: key and name first (the overrides', else the recipe's),
     * then the recipe's journey with every placeholder replaced by the override or the parameter's default.
     * Whether the result is a valid journey is the compiler's to say.
     *
     * @throws InvalidRecipeOverridesException when a parameter is unknown or its value does not fit
     */
    public String definition(RecipeOverrides overrides) {
        List<ValidationProblem> problems = parameterProblems(overrides.params());
        if (!problems.isEmpty()) {
            throw new InvalidRecipeOverridesException(problems);
        }
        Map<String, String> values = new HashMap<>();
        for (RecipeParameter parameter : parameters) {
            values.put(parameter.name(), overrides.params().getOrDefault(parameter.name(), parameter.defaultValue()));
        }
        ObjectNode definition = JsonNodeFactory.instance.objectNode();
        definition.put("key", overrides.key() == null ? key : overrides.key());
        definition.put("name", overrides.name() == null ? name : overrides.name());
        definition.setAll((ObjectNode) Placeholders.substitute(journey, values));
        if (Placeholders.anyLeft(definition)) {
            throw new IllegalStateException("recipe " + key + " left a placeholder unresolved");
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(definition);
    }

    /**
     * One problem per parameter that the recipe does not have ({@code unknown-param}) or whose value does not fit
     * ({@code bad-value}), at {@code /overrides/params/<name>}, in the given order. Values are never quoted.
     */
    List<ValidationProblem> parameterProblems(Map<String, String> values) {
        List<ValidationProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> value : values.entrySet()) {
            String pointer = "/overrides/params/" + value.getKey().replace("~", "~0").replace("/", "~1");
            Optional<RecipeParameter> parameter = parameter(value.getKey());
            if (parameter.isEmpty()) {
                problems.add(new ValidationProblem(pointer, "unknown-param", "recipe " + key
                        + " has no parameter of this name; its parameters are " + names()));
            } else if (value.getValue() == null || !parameter.get().accepts(value.getValue())) {
                problems.add(new ValidationProblem(pointer, "bad-value", "parameter " + value.getKey()
                        + " must be a string matching " + parameter.get().pattern() + " ("
                        + parameter.get().description() + ")"));
            }
        }
        return problems;
    }

    private String names() {
        return String.join(", ", parameters.stream().map(RecipeParameter::name).toList());
    }
}
