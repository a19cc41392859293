package org.wayfarer.admin.recipes;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The recipe catalogue in the list shape of the admin API; it is small and always fits one page. */
public record RecipePage(
        List<RecipeResponse> items,
        @Schema(description = "always null: every recipe is on this page", nullable = true)
        String nextCursor) {
}
