package org.wayfarer.journey.recipe;

import org.wayfarer.journey.catalog.JourneyKeyTakenException;

/**
 * A journey was created from a recipe without {@code overrides.key}, so under the recipe's own key, and the tenant
 * already has a journey with that key (most often: one made from the same recipe before).
 */
public final class RecipeKeyTakenException extends JourneyKeyTakenException {

    private final String key;

    public RecipeKeyTakenException(String key) {
        super(key);
        this.key = key;
    }

    @Override
    public String getMessage() {
        return "a journey with key '" + key + "' (the recipe's own key) already exists; "
                + "pass another key in overrides.key, e.g. {\"overrides\": {\"key\": \"" + key + "-2\"}}";
    }
}
