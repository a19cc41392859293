package org.wayfarer.admin.events;

import java.time.Instant;
import org.wayfarer.journey.event.StoredEvent;

/** A failed (or just re-queued) event as the admin API shows it; ids are strings (JavaScript-safe). */
public record FailedEventResponse(String eventId, String type, String source, String contactId, String status,
                                  int attempts, String lastError, Instant occurredAt, Instant receivedAt) {

    static FailedEventResponse of(StoredEvent e) {
        return new FailedEventResponse(Long.toString(e.id()), e.event().type(), e.event().source(),
                e.contactId() == null ? null : Long.toString(e.contactId()), e.status().name(), e.attempts(),
                e.lastError(), e.event().occurredAt(), e.receivedAt());
    }
}
