package org.wayfarer.admin.events;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wayfarer.admin.problem.InvalidRequestException;
import org.wayfarer.admin.problem.PageParameters;
import org.wayfarer.admin.security.ApiCaller;
import org.wayfarer.journey.inbox.FailedEvents;

/**
 * Events whose processing failed repeatedly and gave up: list them, and re-queue one once its cause is fixed. The
 * list shows what is needed to find the cause (type, source, attempts, the last error) and no event properties.
 */
@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Events")
public class FailedEventController {

    private final FailedEvents failed;

    public FailedEventController(FailedEvents failed) {
        this.failed = failed;
    }

    @GetMapping("/failed")
    @Operation(summary = "List events that failed processing", description = "Newest first; paginated with "
            + "'limit' (1 to " + FailedEvents.MAX_PAGE + ", default 50) and the previous page's 'nextCursor'.")
    public FailedEventPage list(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
                                @RequestParam(required = false) String cursor,
                                @RequestParam(required = false, defaultValue = "50") String limit) {
        FailedEvents.Page page = failed.list(caller.tenantId(), parseId(cursor, "cursor"),
                PageParameters.limit(limit, FailedEvents.MAX_PAGE));
        return new FailedEventPage(page.items().stream().map(FailedEventResponse::of).toList(),
                page.nextCursor() == null ? null : Long.toString(page.nextCursor()));
    }

    @PostMapping("/{eventId}/retry")
    @Operation(summary = "Re-queue a failed event", description = "The event is processed again soon, with its "
            + "attempts reset. Only failed events can be retried; 404 for any other id.")
    public ResponseEntity<?> retry(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
                                   @PathVariable String eventId) {
        Long id = parseId(eventId, "eventId");
        return failed.retry(caller.tenantId(), id)
                .<ResponseEntity<?>>map(e -> ResponseEntity.ok(FailedEventResponse.of(e)))
                .orElseGet(() -> {
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                            "No failed event " + eventId + ".");
                    return ResponseEntity.status(HttpStatus.NOT_FOUND)
                            .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
                });
    }

    private static Long parseId(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException("'" + name + "' must be an event id (a positive number).");
    }
}
