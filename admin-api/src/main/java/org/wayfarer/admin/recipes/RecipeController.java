package org.wayfarer.admin.recipes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.wayfarer.admin.journeys.JourneySummaryResponse;
import org.wayfarer.admin.security.ApiCaller;
import org.wayfarer.journey.catalog.JourneyView;
import org.wayfarer.journey.recipe.RecipeBook;
import org.wayfarer.journey.recipe.RecipeJourneys;
import tools.jackson.databind.JsonNode;

/**
 * The shipped recipe journeys, the same for every tenant, and drafts made from them in the caller's tenant. A draft
 * from a recipe is an ordinary journey from then on: read, edit, publish it under {@code /api/v1/journeys}.
 */
@RestController
@RequestMapping("/api/v1/recipes")
@Tag(name = "Recipes", description = "Shipped recipe journeys: list them, create a draft journey from one")
public class RecipeController {

    private static final String OVERRIDES_DOC = "{\"overrides\": {\"key\": \"mall-welcome\", \"name\": \"Mall "
            + "welcome\", \"params\": {\"scenePrefix\": \"mall_\", \"welcomeTemplateId\": \"TPL_X\"}}}";

    private final RecipeBook recipes;
    private final RecipeJourneys journeys;

    public RecipeController(RecipeBook recipes, RecipeJourneys journeys) {
        this.recipes = recipes;
        this.journeys = journeys;
    }

    @GetMapping
    @Operation(summary = "List the shipped recipes with their parameters",
            description = "Every recipe on one page (nextCursor is null), in catalogue order; without journeys "
                    + "(GET /recipes/{key} has it).")
    public RecipePage list() {
        return new RecipePage(recipes.list().stream().map(RecipeResponse::of).toList(), null);
    }

    @GetMapping("/{key}")
    @Operation(summary = "Read a recipe with its journey", description = "404 for a key no recipe has.")
    public RecipeDetailResponse get(@PathVariable String key) {
        return RecipeDetailResponse.of(recipes.get(key));
    }

    @PostMapping("/{key}/journeys")
    @Operation(summary = "Create a draft journey from a recipe",
            description = "The body is optional: {\"overrides\": {\"key\", \"name\", \"params\": {name: value}}}; "
                    + "what it leaves out comes from the recipe (its key, its name, each parameter's default). "
                    + "Every ${param} placeholder in the recipe's journey is replaced and the result is created "
                    + "like POST /journeys. 404 for an unknown recipe; 400 (problem with an 'errors' array) for "
                    + "an unknown field or parameter or a value that does not match its pattern (pointers into the "
                    + "body: /overrides/params/<name>), or when the resulting definition does not compile (pointers "
                    + "into the definition); 409 when the key is taken (without overrides.key: pass one).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
            schema = @Schema(type = "object", example = OVERRIDES_DOC)))
    @ApiResponse(responseCode = "201", description = "Created as a draft; the Location header names the journey")
    public ResponseEntity<JourneySummaryResponse> create(
            @Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller, @PathVariable String key,
            @RequestBody(required = false) JsonNode body) {
        JourneyView created = journeys.create(caller.tenantId(), key, body);
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/journeys/{id}")
                .buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(JourneySummaryResponse.of(created));
    }
}
