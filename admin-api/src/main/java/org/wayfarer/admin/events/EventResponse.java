package org.wayfarer.admin.events;

/** The stored event's id (a string, like every id in this API) and whether it had been received before. */
public record EventResponse(String eventId, boolean duplicate) {
}
