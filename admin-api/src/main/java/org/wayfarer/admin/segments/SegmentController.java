package org.wayfarer.admin.segments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.wayfarer.admin.problem.PageParameters;
import org.wayfarer.admin.security.ApiCaller;
import org.wayfarer.journey.segment.Segment;
import org.wayfarer.journey.segment.SegmentRefresher;
import org.wayfarer.journey.segment.Segments;
import tools.jackson.databind.JsonNode;

/**
 * Saved segments of the caller's tenant: declarative filters over contacts' attributes, tags and recent events. A
 * segment's members are what its filter selects at the moment of asking; membership changes are announced as
 * {@code segment.entered} / {@code segment.exited} events by the refresh (scheduled, or asked for here).
 */
@RestController
@RequestMapping("/api/v1/segments")
@Tag(name = "Segments", description = "Saved contact filters: create, read, count, refresh")
public class SegmentController {

    private static final String FILTER_DOC = "{\"key\": \"vip-buyers\", \"name\": \"VIPs who ordered lately\", "
            + "\"filter\": {\"all\": [{\"tag\": \"vip\"}, {\"event\": \"custom.order_paid\", \"within\": \"P30D\"}]}}";

    private final Segments segments;
    private final SegmentRefresher refresher;

    public SegmentController(Segments segments, SegmentRefresher refresher) {
        this.segments = segments;
        this.refresher = refresher;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a segment",
            description = "400 (problem with an 'errors' array, every problem with its JSON pointer) when the key, "
                    + "name or filter is invalid; 409 when the key is taken.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            schema = @Schema(type = "object", example = FILTER_DOC)))
    @ApiResponse(responseCode = "201", description = "Created; the Location header names the new segment")
    public ResponseEntity<SegmentResponse> create(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
                                                  @RequestBody JsonNode body) {
        Segment created = segments.create(caller.tenantId(), body);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{key}")
                .buildAndExpand(created.key()).toUri();
        return ResponseEntity.created(location).body(SegmentResponse.of(created));
    }

    @GetMapping
    @Operation(summary = "List the tenant's segments, oldest first", description = "Paginated with 'limit' (1 to "
            + Segments.MAX_PAGE + ", default 50) and the previous page's 'nextCursor'.")
    public SegmentPage list(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
                            @RequestParam(required = false) String cursor,
                            @RequestParam(required = false, defaultValue = "50") String limit) {
        Segments.Page page = segments.list(caller.tenantId(), PageParameters.cursor(cursor),
                PageParameters.limit(limit, Segments.MAX_PAGE));
        return new SegmentPage(page.items().stream().map(SegmentResponse::of).toList(),
                page.nextCursor() == null ? null : Long.toString(page.nextCursor()));
    }

    @GetMapping("/{key}")
    @Operation(summary = "Read a segment")
    public SegmentResponse get(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
                               @PathVariable String key) {
        return SegmentResponse.of(segments.get(caller.tenantId(), key));
    }

    @GetMapping("/{key}/count")
    @Operation(summary = "Count the contacts the segment's filter selects now",
            description = "Evaluated at the moment of asking (event windows end now), not the stored membership.")
    public SegmentCountResponse count(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
                                      @PathVariable String key) {
        return new SegmentCountResponse(key, segments.count(caller.tenantId(), key));
    }

    @PostMapping("/{key}/refresh")
    @Operation(summary = "Refresh the segment's membership now",
            description = "Stores the members the filter selects now and records a segment.entered or "
                    + "segment.exited event for every contact that entered or exited (the first refresh of a new "
                    + "segment: every member enters). Journeys run on those events after the answer. Segments are "
                    + "also refreshed on a schedule (wayfarer.segments.refresh-interval).")
    @ApiResponse(responseCode = "202", description = "Refreshed; the events are recorded and journeys run on them")
    public ResponseEntity<SegmentRefreshResponse> refresh(
            @Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller, @PathVariable String key) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(SegmentRefreshResponse.of(refresher.refresh(caller.tenantId(), key)));
    }
}
