package org.wayfarer.journey.runtime;

import java.time.Instant;

/**
 * Why an event that names a journey's trigger did not start an instance for its contact: the answer to "why is this
 * contact not in my journey" that {@code GET /contacts/{id}/journeys} gives. Only the latest decision per (contact,
 * journey) is kept.
 *
 * @param detail the condition, the entry policy or the last entry, for a person to read; nullable
 */
public record EntryDecision(long tenantId, long contactId, long journeyId, int journeyVersion, long eventId,
                            String eventType, Reason reason, String detail, Instant at) {

    /** Why the contact was not entered. */
    public enum Reason {
        /** The trigger's {@code when} condition was false (or failed to evaluate) for the event. */
        TRIGGER_FILTER_FALSE,
        /** The entry {@code key} expression gave null. */
        ENTRY_KEY_NULL,
        /** The entry policy: ONCE and the contact entered before, or ONE_AT_A_TIME and an instance is live. */
        ENTRY_POLICY,
        /** The loop guard: the contact entered less than {@code entry.minInterval} ago. */
        MIN_INTERVAL
    }
}
