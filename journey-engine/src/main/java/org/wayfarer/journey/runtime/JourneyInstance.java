package org.wayfarer.journey.runtime;

import java.time.Instant;

/**
 * One contact's run through one published journey version. Immutable; the runtime derives the next state with the
 * {@code with*} methods and the store writes it under optimistic locking on {@code version}.
 *
 * @param entryKey     carries the entry policy: {@code ONCE:<key>}, {@code LIVE:<key>} (one at a time, rewritten to
 *                     {@code DONE:<id>} when the instance ends), or {@code EVENT:<eventId>}; unique per journey+contact
 * @param seq          number of steps taken; a delivery is unique per (instance, node, seq)
 * @param wakeAt       when a waiting instance resumes; null otherwise
 * @param endReason    null while live
 * @param version      optimistic-locking revision
 */
public record JourneyInstance(long id, long tenantId, long journeyId, int journeyVersion, long contactId,
                              String entryKey, long triggerEventId, InstanceStatus status, String currentNode, int seq,
                              Instant wakeAt, Instant enteredAt, Instant updatedAt, Instant endedAt, String endReason,
                              int version) {
}
