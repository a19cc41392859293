package org.wayfarer.admin.events;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.wayfarer.admin.problem.InvalidRequestException;
import org.wayfarer.admin.security.ApiCaller;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventIntake;
import org.wayfarer.journey.event.EventTypes;
import org.wayfarer.journey.event.IntakeResult;

/**
 * Events from the brand's own systems: member sync, orders, forms. They travel the same durable, deduplicated path as
 * channel callbacks (source {@code api}), so journeys see them in order with the contact's other events.
 */
@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Events", description = "Send contact events from your own systems (member system, shop, forms)")
public class EventController {

    static final String SOURCE = "api";
    private static final Set<String> BUILT_IN_TYPES = Set.of(EventTypes.CONTACT_UPDATED, "form.submitted");

    private final EventIntake intake;
    private final Clock clock;

    public EventController(EventIntake intake, Clock clock) {
        this.intake = intake;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Record an event for a contact",
            description = "Durable when answered. Repeating a request with the same 'id' is safe: the answer says "
                    + "duplicate and nothing happens twice. 'attributes' update the contact's profile first.")
    public EventResponse record(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
                                @RequestBody EventRequest request) {
        String type = request.type();
        if (type == null || !(type.startsWith("custom.") || BUILT_IN_TYPES.contains(type))
                || !EventTypes.isValid(type)) {
            throw new InvalidRequestException("'type' must be custom.<name> (lower case, digits, underscores), "
                    + "contact.updated or form.submitted.");
        }
        if (request.identity() == null) {
            throw new InvalidRequestException("'identity' is required.");
        }
        if (request.id() != null && (request.id().isBlank() || request.id().length() > 200)) {
            throw new InvalidRequestException("'id' must be 1 to 200 characters when given.");
        }
        String dedupeKey = "api:" + (request.id() != null ? request.id() : UUID.randomUUID());
        ContactEvent event;
        try {
            event = new ContactEvent(caller.tenantId(), SOURCE, dedupeKey, type, request.identity().toIdentity(), null,
                    request.occurredAt() != null ? request.occurredAt() : clock.instant(), request.properties(),
                    request.attributes());
        } catch (IllegalArgumentException | NullPointerException e) {
            // Map.copyOf refuses null values; say which part was wrong without echoing personal data
            throw new InvalidRequestException("'properties' and 'attributes' must not contain null values.");
        }
        IntakeResult result = intake.accept(event);
        return new EventResponse(Long.toString(result.eventId()), result instanceof IntakeResult.Duplicate);
    }
}
