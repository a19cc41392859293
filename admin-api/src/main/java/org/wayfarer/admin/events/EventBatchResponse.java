package org.wayfarer.admin.events;

import java.util.List;

/** One result per event of a batch, in the order of the request. */
public record EventBatchResponse(List<EventResponse> results) {
}
