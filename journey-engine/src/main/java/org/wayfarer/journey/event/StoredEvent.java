package org.wayfarer.journey.event;

import java.time.Instant;

/**
 * A contact event as held in the event log.
 *
 * @param contactId null until processed
 */
public record StoredEvent(long id, ContactEvent event, Long contactId, int partition, EventStatus status,
                          int attempts, Instant receivedAt) {
}
