package org.wayfarer.journey.recipe;

/** No recipe is shipped under this key. */
public final class RecipeNotFoundException extends RuntimeException {

    public RecipeNotFoundException(String recipeKey) {
        super("no recipe '" + recipeKey + "'");
    }
}
