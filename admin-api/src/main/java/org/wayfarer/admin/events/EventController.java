package org.wayfarer.admin.events;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wayfarer.admin.limits.AdminLimitsProperties;
import org.wayfarer.admin.security.ApiCaller;
import org.wayfarer.channel.wechat.WeChatAccounts;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventIntake;
import org.wayfarer.journey.event.IntakeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events from the brand's own systems: member sync, orders, forms. They travel the same durable, deduplicated path as
 * channel callbacks (source {@code api}), so journeys see them in order with the contact's other events.
 *
 * <p>A batch is checked whole before any of it is stored: one bad event and nothing is recorded. Its events are then
 * handed to the intake one by one; should the store fail halfway, the answer is a 500 and the client repeats the
 * batch, which is safe because every event of a batch carries its own {@code id}.
 */
@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Events", description = "Send contact events from your own systems (member system, shop, forms)")
public class EventController {

    private final EventIntake intake;
    private final EventRequestReader reader;

    public EventController(EventIntake intake, Clock clock, JsonMapper json, AdminLimitsProperties limits,
                           WeChatAccounts accounts) {
        this.intake = intake;
        this.reader = new EventRequestReader(json, limits.events(), accounts, clock);
    }

    @PostMapping
    @Operation(summary = "Record an event, or a batch of events, for contacts",
            description = "Durable when answered. Repeating a request with the same 'id' is safe: the answer says "
                    + "duplicate and nothing happens twice. 'attributes' update the contact's profile first. A batch "
                    + "is {\"events\": [...]}, every event with an 'id'; any problem in any event refuses the whole "
                    + "batch (400 listing every problem with its JSON pointer). An 'identity' with an appId must name "
                    + "an official account connected to the caller's tenant.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(
            oneOf = {EventRequest.class, EventBatchRequest.class})))
    @ApiResponse(responseCode = "202", description = "Recorded; a batch answers one result per event, in order",
            content = @Content(schema = @Schema(oneOf = {EventResponse.class, EventBatchResponse.class})))
    public ResponseEntity<Object> record(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
                                         @RequestBody JsonNode body) {
        EventRequestReader.Events read = reader.read(caller.tenantId(), body);
        List<EventResponse> results = new ArrayList<>(read.events().size());
        for (ContactEvent event : read.events()) {
            IntakeResult result = intake.accept(event);
            results.add(new EventResponse(Long.toString(result.eventId()), result instanceof IntakeResult.Duplicate));
        }
        Object answer = read.batch() ? new EventBatchResponse(results) : results.get(0);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
    }
}
