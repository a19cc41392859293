package org.wayfarer.admin.journeys;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.wayfarer.admin.security.ApiCaller;
import org.wayfarer.journey.catalog.JourneyCatalog;
import org.wayfarer.journey.catalog.JourneyLifecycle;
import org.wayfarer.journey.catalog.JourneyStatus;
import org.wayfarer.journey.catalog.JourneyView;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Journeys of the caller's tenant. Definitions are taken as the raw request body and stored exactly as sent, so the
 * ops user's formatting survives; the compiler, not the JSON binder, reports malformed JSON (as 400 with errors).
 */
@RestController
@RequestMapping("/api/v1/journeys")
@Tag(name = "Journeys", description = "Create, validate, edit, publish, pause, resume, stop and archive journeys")
public class JourneyController {

    private static final String DEFINITION = "Journey definition JSON (v1), stored exactly as sent";

    /**
     * Reads stored drafts back. Not the application's mapper: that one holds request bodies to the admin API's JSON
     * limits, while a draft was accepted by the journey compiler under its own, and must always read back.
     */
    private static final JsonMapper DRAFTS = JsonMapper.builder().build();

    private static final String CONFLICT = "409 (problem) when the journey's status does not allow it; the detail "
            + "names the status and what to do instead.";

    private final JourneyCatalog catalog;
    private final JourneyLifecycle lifecycle;

    public JourneyController(JourneyCatalog catalog, JourneyLifecycle lifecycle) {
        this.catalog = catalog;
        this.lifecycle = lifecycle;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a journey as a draft",
            description = "400 (problem with an 'errors' array) when the definition is invalid; 409 when the key "
                    + "is taken.")
    @ApiResponse(responseCode = "201", description = "Created; the Location header names the new journey")
    public ResponseEntity<JourneySummaryResponse> create(
            @Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = DEFINITION, required = true,
                    content = @Content(schema = @Schema(type = "object")))
            @RequestBody String body) {
        JourneyView created = catalog.create(caller.tenantId(), body);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(JourneySummaryResponse.of(created));
    }

    @PostMapping(path = "/validate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Validate a definition without saving it",
            description = "Always 200: the answer says whether it is valid and lists every error and warning, "
                    + "including send accounts not connected to the caller's tenant (as publishing would).")
    public ValidationResponse validate(
            @Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = DEFINITION, required = true,
                    content = @Content(schema = @Schema(type = "object")))
            @RequestBody String body) {
        return ValidationResponse.of(catalog.validate(caller.tenantId(), body));
    }

    @GetMapping
    @Operation(summary = "List the tenant's journeys, oldest first",
            description = "Without 'status', every journey but the archived ones; with it, only those in that status "
                    + "(status=ARCHIVED lists the archived ones).")
    public List<JourneySummaryResponse> list(
            @Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
            @Parameter(description = "Only journeys in this status") @RequestParam(required = false)
            JourneyStatus status) {
        return catalog.list(caller.tenantId(), status).stream().map(JourneySummaryResponse::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a journey with its draft definition")
    public JourneyResponse get(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
                               @PathVariable long id) {
        return withDefinition(catalog.get(caller.tenantId(), id));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace the draft",
            description = "Running instances and published versions are unaffected until the next publish. The "
                    + "key cannot change (400 with an error at /key). 409 for an archived journey.")
    public JourneyResponse replace(
            @Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller, @PathVariable long id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = DEFINITION, required = true,
                    content = @Content(schema = @Schema(type = "object")))
            @RequestBody String body) {
        return withDefinition(catalog.replaceDraft(caller.tenantId(), id, body));
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Publish the draft as the next version",
            description = "New entries go to the new version; instances already running stay on theirs, unless the "
                    + "optional body {\"migrate\": {\"<old node id>\": \"<new node id>\"}} moves those WAITING at "
                    + "an old node to a wait or waitFor node of the new version (keeping their wake-up time). "
                    + "Publishing an unchanged draft again publishes nothing (and applies the migration again). A "
                    + "stopped journey is published again as a new version; a paused one stays paused. 400 (problem "
                    + "with an 'errors' array) when the draft no longer compiles, a send node names an account not "
                    + "connected to the caller's tenant, or the migration names nodes it cannot move instances from "
                    + "or to (at /migrate/<old node id>); nothing is published then. 409 for an archived journey.")
    public JourneySummaryResponse publish(
            @Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller, @PathVariable long id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "Optional: {\"migrate\": "
                    + "{\"<old node id>\": \"<new node id>\"}}", required = false,
                    content = @Content(schema = @Schema(type = "object")))
            @RequestBody(required = false) JsonNode body) {
        return JourneySummaryResponse.of(lifecycle.publish(caller.tenantId(), id,
                PublishRequestReader.migrate(body)));
    }

    @PostMapping("/{id}/pause")
    @Operation(summary = "Pause a published journey",
            description = "No new entries; timers of its instances that fall due are held until it is resumed, "
                    + "events its instances wait for are remembered; exit criteria and goals still end instances. "
                    + CONFLICT)
    public JourneySummaryResponse pause(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
                                        @PathVariable long id) {
        return JourneySummaryResponse.of(lifecycle.pause(caller.tenantId(), id));
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Resume a paused journey",
            description = "It takes entries again; timers held during the pause run at once (each with a "
                    + "RESUMED_LATE step saying how late and why), the others at their time. " + CONFLICT)
    public JourneySummaryResponse resume(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
                                         @PathVariable long id) {
        return JourneySummaryResponse.of(lifecycle.resume(caller.tenantId(), id));
    }

    @PostMapping("/{id}/stop")
    @Operation(summary = "Stop a published or paused journey",
            description = "Every live instance of every version ends EXITED with reason 'stopped'; nothing enters "
                    + "any more. A stopped journey cannot be resumed; publish it to start it again, or archive it. "
                    + "Stopping it again ends whatever an interrupted stop left. " + CONFLICT)
    public JourneySummaryResponse stop(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
                                       @PathVariable long id) {
        return JourneySummaryResponse.of(lifecycle.stop(caller.tenantId(), id));
    }

    @PostMapping("/{id}/archive")
    @Operation(summary = "Archive a draft or a stopped journey",
            description = "Archived journeys are left out of the list (unless status=ARCHIVED) and are never edited "
                    + "or published again. " + CONFLICT)
    public JourneySummaryResponse archive(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
                                          @PathVariable long id) {
        return JourneySummaryResponse.of(lifecycle.archive(caller.tenantId(), id));
    }

    private JourneyResponse withDefinition(JourneyView view) {
        return JourneyResponse.of(view, DRAFTS.readTree(view.draftJson()));
    }
}
