package org.wayfarer.journey.recipe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a tenant changes in a recipe when creating a journey from it.
 *
 * @param key    the journey's key; null for the recipe's own key
 * @param name   the journey's name; null for the recipe's name
 * @param params parameter values by name, in the request's order; a parameter not named keeps its default
 */
public record RecipeOverrides(String key, String name, Map<String, String> params) {

    public RecipeOverrides {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Nothing overridden: the recipe's key, name and defaults. */
    public static RecipeOverrides none() {
        return new RecipeOverrides(null, null, Map.of());
    }
}
