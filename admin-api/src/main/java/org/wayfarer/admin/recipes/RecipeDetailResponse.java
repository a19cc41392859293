package org.wayfarer.admin.recipes;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.wayfarer.journey.recipe.Recipe;
import tools.jackson.databind.JsonNode;

/** A recipe with its journey, placeholders and all. */
public record RecipeDetailResponse(
        String key,
        String name,
        String description,
        String category,
        List<RecipeParameterResponse> params,
        @Schema(type = "object", description = "The journey definition without key and name; ${param} placeholders "
                + "in string values are filled in from overrides.params or the defaults")
        JsonNode journey) {

    static RecipeDetailResponse of(Recipe recipe) {
        return new RecipeDetailResponse(recipe.key(), recipe.name(), recipe.description(), recipe.category(),
                recipe.parameters().stream().map(RecipeParameterResponse::of).toList(), recipe.journey());
    }
}
