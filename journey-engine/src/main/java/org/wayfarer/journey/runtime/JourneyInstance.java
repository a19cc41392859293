package org.wayfarer.journey.runtime;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One contact's run through one published journey version. Immutable; the runtime derives the next state with the
 * {@code with*} methods and the store writes it under optimistic locking on {@code version}.
 *
 * @param entryKey     carries the entry policy: {@code ONCE:<key>}, {@code LIVE:<key>} (one at a time, rewritten to
 *                     {@code DONE:<id>} when the instance ends), or {@code EVENT:<eventId>}; unique per journey+contact
 * @param seq          number of steps taken; a delivery is unique per (instance, node, seq)
 * @param wakeAt       when a waiting instance resumes (a wait's end, a waitFor's timeout); null otherwise, and for a
 *                     waitFor without a timeout
 * @param endReason    null while live
 * @param version      optimistic-locking revision
 * @param context      what the instance learnt on its way, by scope: {@code waited} (awaited events by node id) and
 *                     {@code webhook} (responses by {@code saveAs}); empty for most instances, stored only when not
 */
public record JourneyInstance(long id, long tenantId, long journeyId, int journeyVersion, long contactId,
                              String entryKey, long triggerEventId, InstanceStatus status, String currentNode, int seq,
                              Instant wakeAt, Instant enteredAt, Instant updatedAt, Instant endedAt, String endReason,
                              int version, Map<String, Object> context) {

    public JourneyInstance {
        context = context == null || context.isEmpty() ? Map.of() : Collections.unmodifiableMap(context);
    }

    /** An instance that has learnt nothing yet (empty context). */
    public JourneyInstance(long id, long tenantId, long journeyId, int journeyVersion, long contactId,
                           String entryKey, long triggerEventId, InstanceStatus status, String currentNode, int seq,
                           Instant wakeAt, Instant enteredAt, Instant updatedAt, Instant endedAt, String endReason,
                           int version) {
        this(id, tenantId, journeyId, journeyVersion, contactId, entryKey, triggerEventId, status, currentNode, seq,
                wakeAt, enteredAt, updatedAt, endedAt, endReason, version, Map.of());
    }

    /** Running the next step, at {@code node}. */
    public JourneyInstance at(String node, Instant now) {
        return new JourneyInstance(id, tenantId, journeyId, journeyVersion, contactId, entryKey, triggerEventId,
                InstanceStatus.ACTIVE, node, seq + 1, null, enteredAt, now, null, null, version, context);
    }

    /** Parked at its current node until {@code until} (null: until an event, with no timer). */
    public JourneyInstance waitingUntil(Instant until, Instant now) {
        return new JourneyInstance(id, tenantId, journeyId, journeyVersion, contactId, entryKey, triggerEventId,
                InstanceStatus.WAITING, currentNode, seq, until, enteredAt, now, null, null, version, context);
    }

    /** The same state due at another time (a failed wake-up's retry); nothing else changes. */
    public JourneyInstance withWakeAt(Instant until) {
        return new JourneyInstance(id, tenantId, journeyId, journeyVersion, contactId, entryKey, triggerEventId,
                status, currentNode, seq, until, enteredAt, updatedAt, endedAt, endReason, version, context);
    }

    /** Ended with {@code status}; {@code finalEntryKey} is the key the ended instance keeps. */
    public JourneyInstance ended(InstanceStatus status, String finalEntryKey, String reason, Instant now) {
        return new JourneyInstance(id, tenantId, journeyId, journeyVersion, contactId, finalEntryKey, triggerEventId,
                status, currentNode, seq, null, enteredAt, now, now, reason, version, context);
    }

    /** Remembers {@code value} as {@code <scope>.<name>} (e.g. {@code waited.cart}) for later nodes. */
    public JourneyInstance remembering(String scope, String name, Object value) {
        Map<String, Object> next = new LinkedHashMap<>(context);
        Map<String, Object> inScope = new LinkedHashMap<>(scope(scope));
        inScope.put(name, value);
        next.put(scope, Collections.unmodifiableMap(inScope));
        return new JourneyInstance(id, tenantId, journeyId, journeyVersion, contactId, entryKey, triggerEventId,
                status, currentNode, seq, wakeAt, enteredAt, updatedAt, endedAt, endReason, version, next);
    }

    /** What the instance remembers in {@code scope}, by name; empty when nothing. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> scope(String scope) {
        Object value = context.get(scope);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
