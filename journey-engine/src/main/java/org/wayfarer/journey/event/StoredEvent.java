package org.wayfarer.journey.event;

import java.time.Instant;

/**
 * A contact event as held in the event log.
 *
 * @param contactId    the contact resolved at intake; null only for events stored before runtime v2 resolved
 *                     contacts at intake (they are resolved when processed)
 * @param attempts     failed processing attempts so far
 * @param nextAttemptAt when a failed event is due again; null when it never failed
 * @param lastError    what the last failed attempt said, null when it never failed
 */
public record StoredEvent(long id, ContactEvent event, Long contactId, int partition, EventStatus status,
                          int attempts, Instant receivedAt, Instant nextAttemptAt, String lastError) {
}
