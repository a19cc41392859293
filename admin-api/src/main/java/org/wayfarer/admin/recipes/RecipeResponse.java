package org.wayfarer.admin.recipes;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.wayfarer.journey.recipe.Recipe;

/** A recipe's metadata, without its journey: what the list answers. */
public record RecipeResponse(
        @Schema(example = "abandoned-cart") String key,
        String name,
        String description,
        @Schema(description = "onboarding, membership, conversion or retention") String category,
        List<RecipeParameterResponse> params) {

    static RecipeResponse of(Recipe recipe) {
        return new RecipeResponse(recipe.key(), recipe.name(), recipe.description(), recipe.category(),
                recipe.parameters().stream().map(RecipeParameterResponse::of).toList());
    }
}
