package org.wayfarer.admin.events;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import org.wayfarer.admin.contacts.IdentityRequest;

/**
 * An event from a brand's own system. Its {@code properties} and {@code attributes} are each held to
 * {@code wayfarer.admin.limits.events.*}: number of fields, name and text lengths, nesting, size.
 *
 * @param type       {@code custom.<name>}, {@code contact.updated} or {@code form.submitted}
 * @param id         the sender's id for this event; a repeated id is a duplicate (safe retries). Optional for a
 *                   single event (without it every request is a new event), required in a batch
 * @param identity   who it is about; an {@code appId} must be an official account of the caller's tenant
 * @param occurredAt when it happened, between 1970 and the end of 9999; defaults to now
 * @param properties visible to journeys as {@code event.<name>}
 * @param attributes merged into the contact's profile before journeys see the event
 */
public record EventRequest(
        @Schema(example = "custom.member_bound") String type,
        @Schema(example = "crm-7731") String id,
        IdentityRequest identity,
        Instant occurredAt,
        Map<String, Object> properties,
        Map<String, Object> attributes) {
}
