package org.wayfarer.journey.recipe;

import java.util.Objects;
import org.wayfarer.journey.catalog.JourneyCatalog;
import org.wayfarer.journey.catalog.JourneyKeyTakenException;
import org.wayfarer.journey.catalog.JourneyView;
import tools.jackson.databind.JsonNode;

/**
 * Creates draft journeys from recipes. The definition a recipe gives goes through {@link JourneyCatalog#create}
 * like any other, so it is compiled and checked the same way and stored exactly as built. Thread-safe.
 */
public final class RecipeJourneys {

    private final RecipeBook recipes;
    private final JourneyCatalog catalog;

    public RecipeJourneys(RecipeBook recipes, JourneyCatalog catalog) {
        this.recipes = Objects.requireNonNull(recipes, "recipes");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * Creates a draft from recipe {@code recipeKey} with the overrides in {@code body}
     * ({@code {"overrides": {"key", "name", "params"}}}, or nothing).
     *
     * @throws RecipeNotFoundException         when no recipe has this key
     * @throws InvalidRecipeOverridesException when the overrides are wrong (nothing is created)
     * @throws org.wayfarer.journey.catalog.InvalidJourneyException when the resulting definition does not compile
     * @throws RecipeKeyTakenException         when no key was given and the recipe's own key is taken
     * @throws JourneyKeyTakenException        when the given key is taken
     */
    public JourneyView create(long tenantId, String recipeKey, JsonNode body) {
        Recipe recipe = recipes.get(recipeKey);
        RecipeOverrides overrides = RecipeOverridesReader.read(body, recipe);
        String definition = recipe.definition(overrides);
        try {
            return catalog.create(tenantId, definition);
        } catch (JourneyKeyTakenException e) {
            if (overrides.key() == null) {
                throw new RecipeKeyTakenException(recipe.key());
            }
            throw e;
        }
    }
}
