package org.wayfarer.admin.journeys;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wayfarer.admin.limits.AdminLimitsProperties;
import org.wayfarer.admin.security.ApiCaller;
import org.wayfarer.journey.preview.JourneyPreview;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dry run of a journey's draft ({@link JourneyPreview}): a hypothetical contact with timed events, run in
 * virtual time; nothing is persisted or sent. Its own controller beside {@link JourneyController}, under the same
 * path and rules (OPERATOR, like every write to journeys).
 */
@RestController
@RequestMapping("/api/v1/journeys")
@Tag(name = "Journeys")
public class JourneyPreviewController {

    private final JourneyPreview preview;
    private final PreviewRequestReader reader;

    public JourneyPreviewController(JourneyPreview preview, JsonMapper json, AdminLimitsProperties limits) {
        this.preview = preview;
        this.reader = new PreviewRequestReader(json, limits.events());
    }

    @PostMapping(path = "/{id}/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Dry-run the draft for a hypothetical contact, in virtual time",
            description = "Runs the contact (attributes, e.g. timezone, and tags) through the draft: it enters at "
                    + "the first event that satisfies the trigger; time moves from event to event and to each "
                    + "wait's end, until 'until' (default and limit: 366 days after the first event). Answers the "
                    + "path (as the step log would record it), the messages with their rendered content and when "
                    + "each would go out after the tenant's and the journey's quiet hours and caps (caps counting "
                    + "the preview's own sends), and how it ended or where it still waits. Webhooks are never "
                    + "called: 'webhooks' gives answers by node id ({\"status\", \"body\"}); without one the node's "
                    + "'failed' path is taken, or the preview stops (webhook-not-simulated). A split draws as the "
                    + "runtime does for instance id 1, so a preview is reproducible. Nothing is persisted or sent. "
                    + "400 (problem with 'errors') for a bad request (at most 100 events) or a draft that no longer "
                    + "compiles; 404 for a journey that is not the caller's tenant's.")
    public PreviewResponse preview(
            @Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller, @PathVariable long id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "{\"contact\": "
                    + "{\"attributes\": {...}, \"tags\": [...]}, \"events\": [{\"type\": \"custom.cart_abandoned\", "
                    + "\"at\": \"2026-03-02T10:00:00+08:00\", \"properties\": {...}}], \"until\": \"...\", "
                    + "\"webhooks\": {\"<node id>\": {\"status\": 200, \"body\": {...}}}}",
                    content = @Content(schema = @Schema(type = "object")))
            @RequestBody JsonNode body) {
        return PreviewResponse.of(preview.preview(caller.tenantId(), id, reader.read(body)));
    }
}
