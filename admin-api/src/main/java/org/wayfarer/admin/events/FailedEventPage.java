package org.wayfarer.admin.events;

import java.util.List;

/** One page of failed events; {@code nextCursor} is null on the last page. */
public record FailedEventPage(List<FailedEventResponse> items, String nextCursor) {
}
