package org.wayfarer.admin.events;

import java.util.List;

/**
 * Several events in one request (for the API documentation; the controller reads the body itself, so that every
 * problem of every event can be reported with its JSON pointer).
 *
 * @param events at most {@code wayfarer.admin.limits.events.max-batch-size}, each with an {@code id}
 */
public record EventBatchRequest(List<EventRequest> events) {
}
