package org.wayfarer.admin.recipes;

import io.swagger.v3.oas.annotations.media.Schema;
import org.wayfarer.journey.recipe.RecipeParameter;

/** One value of a recipe to override, as {@code overrides.params.<name>}. */
public record RecipeParameterResponse(
        @Schema(description = "the key under overrides.params", example = "welcomeTemplateId")
        String name,
        String description,
        @Schema(description = "the value used when not overridden", example = "TPL_WELCOME")
        String defaultValue,
        @Schema(description = "regular expression the whole value must match", example = "[A-Za-z0-9_-]{1,64}")
        String pattern) {

    static RecipeParameterResponse of(RecipeParameter parameter) {
        return new RecipeParameterResponse(parameter.name(), parameter.description(), parameter.defaultValue(),
                parameter.pattern());
    }
}
